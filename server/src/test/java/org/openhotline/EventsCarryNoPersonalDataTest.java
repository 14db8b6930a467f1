package org.openhotline;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * ADR 041: no event carries a citizen's personal data in clear. Events wait in the publication registry
 * ({@code event_publication}, JSON) until every listener has run, and land in dumps and logs meanwhile; a phone number
 * in one is as exposed as a plain column. So every record a listener can receive — the parameter types of
 * {@code @ApplicationModuleListener}, {@code @EventListener} and {@code @TransactionalEventListener} methods, and all
 * records implementing an interface they listen to (every {@code AuditableEvent}) — and the records inside them, may
 * name a component like a phone, name, address, ID number or openid only if it is sealed ({@code sealed…}, opened by
 * an accessor, as {@code CallerBlacklisted} and {@code PortalSmsCodeRequested} do) or masked ({@code masked…}). What is
 * not a citizen's (a staff username, a unit's name) is allowed below with its reason.
 */
class EventsCarryNoPersonalDataTest {

    /**
     * Component names that say "a person's identifying data" (matched on the whole name, case-insensitive); a bare
     * {@code number} too, since that is what a blacklisted caller's number was called before it was sealed.
     */
    private static final Pattern PERSONAL = Pattern.compile(
            "(?i)(number|.*(phone|mobile|name|idnumber|idcard|address|openid|email|caller|called|contact|citizen).*)");
    private static final Pattern PROTECTED = Pattern.compile("^(sealed|masked)[A-Z].*");
    private static final List<String> LISTENERS = List.of(
            "org.springframework.modulith.events.ApplicationModuleListener",
            "org.springframework.context.event.EventListener",
            "org.springframework.transaction.event.TransactionalEventListener");

    /** {@code Event.component} → why it is not a citizen's personal data in clear. */
    private static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("OrderTaken.callerPhoneIndex", "the keyed SM3 blind index (ADR 041), not the number"),
            Map.entry("CitizenCalledForUnit.handlerPhone",
                    "the handling unit's staff phone that was rung, audited on purpose; the citizen's is not repeated"),
            Map.entry("TeamChanged.name", "an agent team's name"),
            Map.entry("AccountChanged.username", "a staff account's login name, what the audit trail must name"),
            Map.entry("LoginAttempted.username", "the login name typed at a staff login, what the audit trail must name"),
            Map.entry("LoginThrottled.address", "the network address a login flood came from, audited for 入侵防范"),
            Map.entry("WorkOrderCreated.number", "the work order's number (工单编号), not a phone"),
            Map.entry("CallerUnmasked.number", "the work order's number (工单编号); the audit says which order was shown"),
            Map.entry("CallerUnmaskedByUnit.number", "the work order's number (工单编号), as in CallerUnmasked"));

    @Test
    void noEventComponentCarriesACitizensPersonalDataInClear() throws Exception {
        List<Class<?>> classes = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.openhotline")) {
            if (!c.getPackageName().startsWith("org.openhotline.telephony")) classes.add(Class.forName(c.getName()));
        }
        Set<Class<?>> listenedTo = new LinkedHashSet<>();
        for (Class<?> c : classes) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getParameterCount() >= 1 && isListener(m)) listenedTo.add(m.getParameterTypes()[0]);
            }
        }
        Set<Class<?>> events = new LinkedHashSet<>();
        for (Class<?> c : classes) {
            if (c.isRecord() && listenedTo.stream().anyMatch(t -> t.isAssignableFrom(c))) events.add(c);
        }
        assertThat(events).as("the scan finds the events the ADR names")
                .contains(org.openhotline.callcenter.CallerBlacklisted.class,
                        org.openhotline.channels.PortalSmsCodeRequested.class,
                        org.openhotline.identity.StaffSmsCodeRequested.class);
        Set<String> clear = new TreeSet<>();
        Set<String> allowedSeen = new TreeSet<>();
        for (Class<?> e : events) check(e, e.getName(), clear, allowedSeen, new LinkedHashSet<>());
        assertThat(clear).as("event components that look like a citizen's personal data in clear; seal them "
                + "(PersonalData.seal, component sealed…) or add them to ALLOWED with the reason").isEmpty();
        assertThat(allowedSeen).as("allow-list entries that no longer match anything").containsAll(ALLOWED.keySet());
    }

    /** What a leaking event would look like, and its sealed form. */
    record Leaky(long orderId, String callerPhone, Inner inner) { }

    record Inner(String number, String orderNumber) { }

    record Sealed(long orderId, String sealedCallerPhone, String maskedName) { }

    @Test
    void aPhoneOrNumberInClearIsFoundAlsoInsideANestedRecordAndSealedOrMaskedOnesAreNot() {
        Set<String> clear = new TreeSet<>();
        check(Leaky.class, "Leaky", clear, new TreeSet<>(), new LinkedHashSet<>());
        assertThat(clear).containsExactly("Leaky.callerPhone (String)", "Leaky.inner.number (String)");
        clear.clear();
        check(Sealed.class, "Sealed", clear, new TreeSet<>(), new LinkedHashSet<>());
        assertThat(clear).isEmpty();
    }

    private static void check(Class<?> record, String path, Set<String> clear, Set<String> allowedSeen,
                              Set<Class<?>> seen) {
        if (!seen.add(record)) return;
        for (RecordComponent rc : record.getRecordComponents()) {
            String key = record.getSimpleName() + "." + rc.getName();
            if (PERSONAL.matcher(rc.getName()).matches() && !PROTECTED.matcher(rc.getName()).matches()) {
                if (ALLOWED.containsKey(key)) allowedSeen.add(key);
                else clear.add(path + "." + rc.getName() + " (" + rc.getType().getSimpleName() + ")");
            }
            if (rc.getType().isRecord() && rc.getType().getName().startsWith("org.openhotline.")) {
                check(rc.getType(), path + "." + rc.getName(), clear, allowedSeen, seen);
            }
        }
    }

    private static boolean isListener(Method m) {
        for (Annotation a : m.getAnnotations()) {
            if (LISTENERS.contains(a.annotationType().getName())) return true;
            for (Annotation meta : a.annotationType().getAnnotations()) {
                if (LISTENERS.contains(meta.annotationType().getName())) return true;
            }
        }
        return false;
    }
}
