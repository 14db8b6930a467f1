package org.openhotline.workorder.internal.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.internal.model.OrderAccess;
import org.openhotline.workorder.internal.model.OrderSteps;
import org.openhotline.workorder.internal.model.WorkOrders;
import org.openhotline.workorder.internal.values.Actor;
import org.openhotline.shared.crypto.SealedFiles;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Attachments of an order (photos, documents, recordings), kept in the database rather than on disk so that no
 * file name can reach the file system. Only listed types up to 10 MB; the type is decided by the extension and
 * checked against the file's first bytes, and downloads are always served as attachments with nosniff.
 */
@RestController
@RequestMapping("/api/work-orders/{id}/attachments")
@Tag(name = "工单附件")
class AttachmentController {

    static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
            Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("wav", "audio/wav"), Map.entry("mp4", "video/mp4"));

    private final OrderSteps steps;
    private final WorkOrders orders;
    private final OrderAccess access;
    private final JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;

    AttachmentController(OrderSteps steps, WorkOrders orders, OrderAccess access, JdbcClient jdbc,
                         org.springframework.context.ApplicationEventPublisher events) {
        this.steps = steps;
        this.orders = orders;
        this.access = access;
        this.jdbc = jdbc;
        this.events = events;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyAuthority('workorder:intake', 'workorder:dispatch', 'workorder:handle')")
    @Operation(summary = "上传附件（图片、PDF、Office 文档、录音，最大 10 MB）")
    OrderSteps.StepResult upload(@PathVariable long id, @RequestParam("file") MultipartFile file) {
        StaffPrincipal who = Callers.required();
        String name = safeName(file.getOriginalFilename());
        String type = typeOf(name);
        if (file.isEmpty() || file.getSize() > MAX_BYTES) {
            throw DomainException.invalid("附件不能为空，且不能超过 10 MB");
        }
        byte[] data;
        try {
            data = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!contentMatches(type, data)) {
            throw DomainException.invalid("文件内容与扩展名不符");
        }
        return steps.runUnversioned(id, who, (o, now) -> {
            o.attach(name, Actor.of(who), now);
            jdbc.sql("""
                    insert into wo_attachment (work_order_id, name, content_type, size, data, uploaded_by, uploaded_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(o.id(), name, type, data.length, SealedFiles.sealBytes(data), who.username(), WorkOrders.ts(now))
                    .update();
        });
    }

    @GetMapping("/{attachmentId}")
    @PreAuthorize("hasAnyAuthority('workorder:read', 'workorder:handle')")
    @Operation(summary = "下载附件")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
        access.requireVisible(orders.load(id), Callers.required());
        // sealed at rest (ADR 041): opened for this authorised download, which the audit trail records
        events.publishEvent(new AttachmentDownloaded(id, attachmentId));
        return jdbc.sql("select name, content_type, data from wo_attachment where id = ? and work_order_id = ?")
                .params(attachmentId, id)
                .query((rs, n) -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(rs.getString("content_type")))
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename(rs.getString("name"), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                        .header("X-Content-Type-Options", "nosniff")
                        .body(SealedFiles.openBytes(rs.getBytes("data"))))
                .optional().orElseThrow(() -> DomainException.notFound("附件不存在"));
    }

    static String safeName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|:*?]", "_").strip();
        if (name.isEmpty() || name.startsWith(".")) {
            throw DomainException.invalid("附件文件名无效");
        }
        return name.length() > 150 ? name.substring(name.length() - 150) : name;
    }

    static String typeOf(String name) {
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            throw DomainException.invalid("不支持的附件类型，仅允许图片、PDF、Office 文档、文本和音视频");
        }
        return type;
    }

    /** The first bytes of the formats that announce themselves (images, PDF, Office Open XML). */
    static boolean contentMatches(String type, byte[] d) {
        return switch (type) {
            case "image/jpeg" -> starts(d, 0xFF, 0xD8, 0xFF);
            case "image/png" -> starts(d, 0x89, 'P', 'N', 'G');
            case "application/pdf" -> starts(d, '%', 'P', 'D', 'F');
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> starts(d, 'P', 'K', 3, 4);
            default -> true;
        };
    }

    private static boolean starts(byte[] d, int... prefix) {
        if (d.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((d[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
