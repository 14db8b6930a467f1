package org.openhotline.channels.internal.portal;

import java.time.Clock;
import java.util.List;
import org.openhotline.shared.DomainException;
import org.openhotline.workorder.PortalOrders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Submitting an appeal on the portal: rate limits (per client address and per phone) and captcha in one gate
 * transaction ({@link SubmitGate}), the phone proven
 * by its SMS token when the citizen wants to follow the order, then the work-order intake (channel 网站) and the
 * photos in one transaction — a photo refused leaves no order behind — and the receipt with its query code.
 */
@Service
class PortalAppeals {

    static final int MAX_PHOTOS = 5;

    public record Receipt(String number, String queryCode, java.time.Instant createdAt, boolean phoneConfirmed,
                          boolean replayed) {}

    private final PortalOrders orders;
    private final SubmitGate gate;
    private final PhoneCodes phones;
    private final Receipts receipts;
    private final Clock clock;
    private volatile PortalSettings settings;

    PortalAppeals(PortalOrders orders, SubmitGate gate, PhoneCodes phones, Receipts receipts,
                  Clock clock, PortalSettings settings) {
        this.orders = orders;
        this.gate = gate;
        this.phones = phones;
        this.receipts = receipts;
        this.clock = clock;
        this.settings = settings;
    }

    @Transactional
    public Receipt submit(PortalController.AppealForm form, List<MultipartFile> photos, String phoneToken,
                          String clientAddress, String idempotencyKey) {
        // A retry of a submit that went through (the answer was lost, or a double tap) gets the same receipt before
        // the captcha — already used by the first submit — or the rate limits are looked at.
        java.util.Optional<Receipt> earlier = replayed(idempotencyKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        boolean anonymous = Boolean.TRUE.equals(form.anonymous());
        String phone = blankToNull(form.phone());
        // address limit, captcha and phone limit in one commit of their own (a refused submit still counts)
        gate.pass(clientAddress, form.captchaId(), form.captchaAnswer(), phone, settings);
        boolean confirmed = false;
        if (Boolean.TRUE.equals(form.follow())) {
            if (phone == null) {
                throw DomainException.invalid("需要跟踪办理进度时请填写手机号并验证");
            }
            if (!phones.phoneOf(phoneToken).equals(phone)) {
                throw DomainException.forbidden("手机号与短信验证的号码不一致，请重新验证");
            }
            confirmed = true;
        }
        if (!anonymous && (form.name() == null || form.name().isBlank())) {
            throw DomainException.invalid("请填写姓名，或选择匿名反映");
        }
        if (!anonymous && phone == null) {
            throw DomainException.invalid("请填写联系电话，或选择匿名反映");
        }
        List<MultipartFile> files = photos == null ? List.of() : photos.stream().filter(f -> !f.isEmpty()).toList();
        if (files.size() > MAX_PHOTOS) {
            throw DomainException.invalid("最多上传 " + MAX_PHOTOS + " 张图片");
        }
        PortalOrders.Submitted order = orders.submit(new PortalOrders.CitizenAppeal("WEB", form.appealType(),
                form.categoryId(), form.regionId(), form.address(), form.title(), form.content(),
                anonymous ? null : form.name(), phone, anonymous), idempotencyKey == null ? null : "portal:" + idempotencyKey);
        if (order.replayed()) {
            earlier = replayed(idempotencyKey); // a concurrent twin committed first: its receipt is the answer
            if (earlier.isPresent()) {
                return earlier.get();
            }
            throw DomainException.conflict("该诉求已提交（工单编号 " + order.number() + "），请勿重复提交").with("number", order.number());
        }
        for (MultipartFile f : files) {
            String name = f.getOriginalFilename();
            if (name == null || !name.toLowerCase(java.util.Locale.ROOT).matches(".*\\.(jpe?g|png)$")) {
                throw DomainException.invalid("只能上传图片（JPG、PNG）");
            }
            try {
                orders.attach(order.id(), f.getOriginalFilename(), f.getBytes(), "WEB");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        String code = receipts.issue(order.id(), "WEB", confirmed, clientAddress, clock.instant(), idempotencyKey);
        return new Receipt(order.number(), code, order.createdAt(), confirmed, false);
    }

    private java.util.Optional<Receipt> replayed(String idempotencyKey) {
        return receipts.replay("WEB", idempotencyKey).filter(r -> r.queryCode() != null).flatMap(r ->
                orders.byId(r.orderId()).map(o -> new Receipt(o.number(), r.queryCode(), o.createdAt(),
                        r.phoneConfirmed(), true)));
    }

    /** The limits in force (a test may lower them for a while through {@link #use}). */
    public PortalSettings settings() {
        return settings;
    }

    public void use(PortalSettings settings) {
        this.settings = settings;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
