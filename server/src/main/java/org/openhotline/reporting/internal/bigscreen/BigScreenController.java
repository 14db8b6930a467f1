package org.openhotline.reporting.internal.bigscreen;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;

/** The big screen (大屏): today's live figures, once or as a stream. */
@RestController
@RequestMapping("/api/reports/bigscreen")
@Tag(name = "大屏", description = "实时话务与工单数字（SSE 推送）")
class BigScreenController {

    private final LiveFigures figures;
    private final BigScreenStream stream;
    private final DistrictMap map;

    BigScreenController(LiveFigures figures, BigScreenStream stream, DistrictMap map) {
        this.figures = figures;
        this.stream = stream;
        this.map = map;
    }

    @GetMapping(path = "/map", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyAuthority('bigscreen:view', 'report:read')")
    @Operation(summary = "演示城市区县地图（GeoJSON，properties.id 为区县机构编号），供 ECharts registerMap 离线使用")
    JsonNode map() {
        return map.geoJson();
    }

    @GetMapping
    @PreAuthorize("hasAuthority('bigscreen:view')")
    @Operation(summary = "大屏当前数字")
    LiveFigures.Snapshot now() {
        return figures.now();
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAuthority('bigscreen:view')")
    @Operation(summary = "大屏数字推送（text/event-stream，事件名 figures）")
    SseEmitter stream() {
        return stream.subscribe();
    }
}
