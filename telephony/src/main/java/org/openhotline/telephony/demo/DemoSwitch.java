package org.openhotline.telephony.demo;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.openhotline.telephony.ExtensionDirectory;
import org.openhotline.telephony.LegId;
import org.openhotline.telephony.TelephonyConfig;
import org.openhotline.telephony.TelephonyEngine;
import org.openhotline.telephony.TelephonyEvent;
import org.openhotline.telephony.Trunk;
import org.openhotline.telephony.ivr.ClasspathFlows;

/**
 * The engine on its own, for trying phones and trunks without the server: extensions 1001–1004 (password
 * {@code demo<ext>}), 12345 runs the default IVR, 12346 goes straight to an agent, and the "queue" rings
 * the first registered extension with auto-answer, bridges and records. Anything from the given trunk
 * address may call in. Usage: {@code DemoSwitch <advertised-ip> [sip-port] [trunk-ip]}.
 */
public final class DemoSwitch {
    public static void main(String[] args) throws Exception {
        String ip = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 5060;
        String trunkIp = args.length > 2 ? args[2] : ip;
        List<String> extensions = List.of("1001", "1002", "1003", "1004");
        TelephonyConfig config = TelephonyConfig.defaults(Path.of("recordings")).withAddresses(ip, ip)
                .withSipPort(port).withTrunks(List.of(new Trunk("demo-carrier", Set.of("12345", "12346"),
                        new HashSet<>(List.of(trunkIp, "127.0.0.1")), null, null, null, 0, "12345")));
        TelephonyEngine[] engine = new TelephonyEngine[1];
        engine[0] = TelephonyEngine.builder(config)
                .listener(DemoSwitch::print)
                .extensions(ExtensionDirectory.of(Map.of("1001", "demo1001", "1002", "demo1002", "1003", "demo1003",
                        "1004", "demo1004")))
                .flows(new ClasspathFlows(Map.of("12345", "default-12345", "12346", "direct-to-agent")))
                .queues(call -> {
                    TelephonyEngine e = engine[0];
                    String agent = extensions.stream().filter(e::isRegistered).findFirst().orElse(null);
                    if (agent == null) {
                        System.out.println("no agent registered; hanging up " + call.leg());
                        e.hangup(call.leg());
                        return;
                    }
                    LegId leg = e.originate(agent, "12345", true);
                    e.answered(leg).thenRun(() -> {
                        e.bridge(call.leg(), leg);
                        e.record(call.leg(), leg);
                    }).exceptionally(x -> {
                        e.hangup(call.leg());
                        return null;
                    });
                }).start();
        System.out.printf("OpenHotline demo switch on %s:%d (UDP/TCP). Register 1001..1004 with password demo<ext>;"
                + " dial 12345 (IVR) or 12346 (direct).%n", ip, port);
        new CountDownLatch(1).await();
    }

    private static void print(TelephonyEvent event) {
        System.out.println(event);
    }

    private DemoSwitch() {
    }
}
