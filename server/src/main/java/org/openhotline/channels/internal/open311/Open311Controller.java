package org.openhotline.channels.internal.open311;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.DomainException;
import org.openhotline.workorder.PortalOrders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.databind.json.JsonMapper;

/** GeoReport v2: discovery, services, service definitions, requests, a request, tokens; {@code .json} or {@code .xml}. */
@RestController
@RequestMapping("/open311/v2")
@Tag(name = "Open311 GeoReport v2", description = "services、requests（提交需 api_key）、tokens、discovery；JSON 与 XML")
class Open311Controller {

    private final PortalOrders orders;
    private final Open311Requests requests;
    private final ApiKeys keys;
    private final JsonMapper json;
    private final String publicUrl;

    Open311Controller(PortalOrders orders, Open311Requests requests, ApiKeys keys, JsonMapper json,
                      @Value("${hotline.public-url}") String publicUrl) {
        this.orders = orders;
        this.requests = requests;
        this.keys = keys;
        this.json = json;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/discovery.{format}")
    @Operation(summary = "发现文件（discovery）")
    ResponseEntity<String> discovery(@PathVariable String format) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
        endpoint.put("url", publicUrl + "/open311/v2");
        endpoint.put("changeset", "2026-12-04T00:00:00Z");
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("application/json", "text/xml"));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("changeset", "2026-12-04T00:00:00Z");
        d.put("contact", "12345政务服务便民热线");
        d.put("key_service", "接口密钥由热线系统管理员分配");
        d.put("endpoints", List.of(endpoint));
        return Open311Bodies.body(200, format(format), d, "discovery", "endpoint", json);
    }

    @GetMapping("/services.{format}")
    @Operation(summary = "服务列表（诉求分类）")
    ResponseEntity<String> services(@PathVariable String format) {
        List<PortalOrders.CategoryNode> all = orders.categories();
        Map<Long, PortalOrders.CategoryNode> byId = new java.util.HashMap<>();
        all.forEach(c -> byId.put(c.id(), c));
        List<Map<String, Object>> list = all.stream().map(c -> {
            PortalOrders.CategoryNode top = c;
            while (top.parentId() != null && byId.containsKey(top.parentId())) {
                top = byId.get(top.parentId());
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service_code", String.valueOf(c.id()));
            m.put("service_name", c.name());
            m.put("description", c.name());
            m.put("metadata", false);
            m.put("type", "realtime");
            m.put("keywords", c.name());
            m.put("group", top.name());
            return m;
        }).toList();
        return Open311Bodies.body(200, format(format), list, "services", "service", json);
    }

    @GetMapping("/services/{code}.{format}")
    @Operation(summary = "服务定义（本平台无附加属性）")
    ResponseEntity<String> service(@PathVariable String code, @PathVariable String format) {
        String f = format(format);
        boolean known = orders.categories().stream().anyMatch(c -> String.valueOf(c.id()).equals(code));
        if (!known) {
            throw DomainException.notFound("service_code 不存在：" + code);
        }
        Map<String, Object> def = new LinkedHashMap<>();
        def.put("service_code", code);
        def.put("attributes", List.of());
        return Open311Bodies.body(200, f, def, "service_definition", "attribute", json);
    }

    @PostMapping("/requests.{format}")
    @Operation(summary = "提交诉求（api_key 必填；service_code、位置 lat+long 或 address_string、description）")
    ResponseEntity<String> create(@PathVariable String format, @RequestParam(name = "api_key", required = false) String apiKey,
                                  @RequestParam(name = "service_code", required = false) String serviceCode,
                                  @RequestParam(name = "lat", required = false) Double lat,
                                  @RequestParam(name = "long", required = false) Double lon,
                                  @RequestParam(name = "address_string", required = false) String address,
                                  @RequestParam(name = "email", required = false) String email,
                                  @RequestParam(name = "device_id", required = false) String deviceId,
                                  @RequestParam(name = "first_name", required = false) String firstName,
                                  @RequestParam(name = "last_name", required = false) String lastName,
                                  @RequestParam(name = "phone", required = false) String phone,
                                  @RequestParam(name = "description", required = false) String description,
                                  @RequestParam(name = "media_url", required = false) String mediaUrl,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        String f = format(format);
        long key = keys.require(apiKey);
        Long code;
        try {
            code = serviceCode == null ? null : Long.valueOf(serviceCode.strip());
        } catch (NumberFormatException e) {
            code = -1L;
        }
        if (idempotencyKey != null && idempotencyKey.length() > 100) {
            throw DomainException.badRequest("Idempotency-Key 最长 100 个字符");
        }
        Map<String, Object> created = requests.create(new Open311Requests.NewRequest(key, code, lat, lon, address, email,
                deviceId, firstName, lastName, phone, description, mediaUrl, idempotencyKey));
        return Open311Bodies.body(201, f, List.of(created), "service_requests", "request", json);
    }

    @GetMapping("/requests.{format}")
    @Operation(summary = "查询诉求（service_request_id 逗号分隔，或 start_date/end_date/status/service_code）")
    ResponseEntity<String> list(@PathVariable String format,
                                @RequestParam(name = "service_request_id", required = false) String ids,
                                @RequestParam(name = "service_code", required = false) Long serviceCode,
                                @RequestParam(name = "start_date", required = false) String start,
                                @RequestParam(name = "end_date", required = false) String end,
                                @RequestParam(name = "status", required = false) String status) {
        String f = format(format);
        return Open311Bodies.body(200, f, requests.list(ids, serviceCode, date(start), date(end), status),
                "service_requests", "request", json);
    }

    @GetMapping("/requests/{id}.{format}")
    @Operation(summary = "单个诉求")
    ResponseEntity<String> one(@PathVariable String id, @PathVariable String format) {
        String f = format(format);
        List<Map<String, Object>> found = requests.list(id.contains(",") ? "-" : id, null, null, null, null);
        if (found.isEmpty()) {
            throw DomainException.notFound("service_request_id 不存在：" + id);
        }
        return Open311Bodies.body(200, f, found, "service_requests", "request", json);
    }

    @GetMapping("/tokens/{token}.{format}")
    @Operation(summary = "按 token 取得诉求编号")
    ResponseEntity<String> token(@PathVariable String token, @PathVariable String format) {
        String f = format(format);
        return Open311Bodies.body(200, f, requests.token(token), "service_requests", "request", json);
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<String> refused(DomainException e, jakarta.servlet.http.HttpServletRequest request) {
        int status = e.status().value() == 422 ? 400 : e.status().value();
        return error(status, e.getMessage(), request);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<String> badParameter(Exception e, jakarta.servlet.http.HttpServletRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return error(400, "参数 " + name + " 缺失或格式不正确", request);
    }

    private ResponseEntity<String> error(int status, String description, jakarta.servlet.http.HttpServletRequest request) {
        String f = request.getRequestURI().endsWith(".xml") ? "xml" : "json";
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("code", status);
        err.put("description", description);
        return Open311Bodies.body(status, f, List.of(err), "errors", "error", json);
    }

    private static String format(String format) {
        if (!"json".equals(format) && !"xml".equals(format)) {
            throw DomainException.notFound("格式只能是 .json 或 .xml");
        }
        return format;
    }

    private static Instant date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw DomainException.badRequest("日期须为 W3C 格式，如 2026-12-01T00:00:00+08:00");
        }
    }
}
