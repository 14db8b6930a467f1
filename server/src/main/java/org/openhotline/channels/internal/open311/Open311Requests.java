package org.openhotline.channels.internal.open311;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.crypto.PersonalData;
import org.openhotline.workorder.PortalOrders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service requests made through Open311: created in the common intake (channel Open311接口) with the request's
 * location kept beside the order; read back as GeoReport objects. Only requests created through Open311 are
 * listed — orders from calls and other channels carry personal data the API's public reads must not show.
 */
@Service
class Open311Requests {

    private final PortalOrders orders;
    private final JdbcClient jdbc;
    private final Clock clock;

    Open311Requests(PortalOrders orders, JdbcClient jdbc, Clock clock) {
        this.orders = orders;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record NewRequest(long apiKeyId, Long serviceCode, Double lat, Double lon, String address, String email,
                      String deviceId, String firstName, String lastName, String phone, String description,
                      String mediaUrl, String idempotencyKey) {}

    @Transactional
    public Map<String, Object> create(NewRequest r) {
        if (r.serviceCode() == null || orders.categories().stream().noneMatch(c -> c.id() == r.serviceCode())) {
            throw DomainException.badRequest("service_code 无效：请使用 services 接口列出的服务代码");
        }
        if ((r.lat() == null || r.lon() == null) && (r.address() == null || r.address().isBlank())) {
            throw DomainException.badRequest("请提供位置：lat 和 long，或 address_string");
        }
        if (r.lat() != null && (r.lat() < -90 || r.lat() > 90) || r.lon() != null && (r.lon() < -180 || r.lon() > 180)) {
            throw DomainException.badRequest("lat/long 超出范围");
        }
        if (r.email() != null && r.email().length() > 200 || r.deviceId() != null && r.deviceId().length() > 100
                || r.mediaUrl() != null && r.mediaUrl().length() > 500) {
            throw DomainException.badRequest("email、device_id 或 media_url 过长");
        }
        if (r.mediaUrl() != null && !r.mediaUrl().isBlank() && !r.mediaUrl().matches("^https?://\\S+$")) {
            throw DomainException.badRequest("media_url 须为 http(s) 地址");
        }
        String name = ((r.lastName() == null ? "" : r.lastName().strip()) + (r.firstName() == null ? "" : r.firstName().strip()));
        String address = r.address() == null || r.address().isBlank()
                ? String.format("坐标 %.6f, %.6f", r.lat(), r.lon()) : r.address().strip();
        PortalOrders.Submitted o = orders.submit(new PortalOrders.CitizenAppeal("OPEN311", null, r.serviceCode(), null,
                address, null, r.description(), name.isBlank() ? null : name,
                r.phone() == null || r.phone().isBlank() ? null : r.phone().strip(), name.isBlank()),
                r.idempotencyKey() == null ? null : "open311:" + r.apiKeyId() + ":" + r.idempotencyKey());
        UUID token = UUID.randomUUID();
        jdbc.sql("""
                insert into ch_open311_request (work_order_id, token, api_key_id, lat, lon, email, device_id, media_url, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (work_order_id) do nothing""")
                .params(o.id(), token, r.apiKeyId(), r.lat(), r.lon(), PersonalData.seal(blank(r.email())), PersonalData.seal(blank(r.deviceId())),
                        blank(r.mediaUrl()), Timestamp.from(clock.instant())).update();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", o.number());
        m.put("service_notice", "已受理，可凭编号查询办理进度");
        m.put("account_id", null);
        return m;
    }

    public List<Map<String, Object>> list(String ids, Long serviceCode, Instant start, Instant end, String status) {
        StringBuilder sql = new StringBuilder("""
                select r.work_order_id from ch_open311_request r join work_order w on w.id = r.work_order_id where true""");
        List<Object> params = new java.util.ArrayList<>();
        if (ids != null && !ids.isBlank()) {
            List<String> numbers = List.of(ids.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).limit(100).toList();
            sql.append(" and w.number = any(?)");
            params.add(numbers.toArray(String[]::new));
        } else {
            Instant to = end != null ? end : clock.instant();
            Instant from = start != null ? start : to.minus(java.time.Duration.ofDays(90));
            sql.append(" and r.created_at between ? and ?");
            params.add(Timestamp.from(from));
            params.add(Timestamp.from(to));
        }
        if (serviceCode != null) {
            sql.append(" and w.category_id = ?");
            params.add(serviceCode);
        }
        if (status != null && !status.isBlank()) {
            if (!status.equals("open") && !status.equals("closed")) {
                throw DomainException.badRequest("status 只能是 open 或 closed");
            }
            sql.append(status.equals("open") ? " and w.state in ('PENDING_REVIEW','PENDING_DISPATCH','HANDLING','REPLY_REVIEW','PENDING_CALLBACK')"
                    : " and w.state in ('CLOSED','WITHDRAWN','MERGED','FORWARDED')");
        }
        sql.append(" order by r.created_at desc limit 1000");
        List<Long> orderIds = jdbc.sql(sql.toString()).params(params).query(Long.class).list();
        Map<Long, Map<String, Object>> located = new java.util.HashMap<>();
        if (!orderIds.isEmpty()) {
            jdbc.sql("select work_order_id, lat, lon, media_url from ch_open311_request where work_order_id = any(?)")
                    .param(orderIds.toArray(Long[]::new)).query().listOfRows()
                    .forEach(row -> located.put(((Number) row.get("work_order_id")).longValue(), row));
        }
        Map<Long, PortalOrders.PublicOrder> byId = new java.util.HashMap<>();
        orders.byIds(orderIds).forEach(o -> byId.put(o.id(), o));
        return orderIds.stream().map(id -> view(byId.get(id), located.get(id))).toList();
    }

    public List<Map<String, Object>> token(String token) {
        UUID t;
        try {
            t = UUID.fromString(token);
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound("token 不存在");
        }
        return jdbc.sql("select w.number from ch_open311_request r join work_order w on w.id = r.work_order_id where r.token = ?")
                .param(t).query(String.class).optional()
                .map(n -> List.<Map<String, Object>>of(new LinkedHashMap<>(Map.of("service_request_id", n, "token", token))))
                .orElseThrow(() -> DomainException.notFound("token 不存在"));
    }

    private static Map<String, Object> view(PortalOrders.PublicOrder o, Map<String, Object> loc) {
        StatusMapping.Status s = StatusMapping.of(o.state());
        Instant updated = o.closedAt() != null ? o.closedAt() : o.repliedAt() != null ? o.repliedAt() : o.createdAt();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", o.number());
        m.put("status", s.status());
        m.put("status_notes", s.notes() + (o.reply() != null && "CLOSED".equals(o.state()) ? "：" + o.reply() : ""));
        m.put("service_name", o.categoryName());
        m.put("service_code", o.categoryId() == null ? null : String.valueOf(o.categoryId()));
        m.put("description", o.content());
        m.put("agency_responsible", o.replyUnit());
        m.put("service_notice", null);
        m.put("requested_datetime", o.createdAt().toString());
        m.put("updated_datetime", updated.toString());
        m.put("expected_datetime", null);
        m.put("address", o.address());
        m.put("address_id", null);
        m.put("zipcode", null);
        m.put("lat", loc == null ? null : loc.get("lat"));
        m.put("long", loc == null ? null : loc.get("lon"));
        m.put("media_url", loc == null ? null : loc.get("media_url"));
        return m;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
