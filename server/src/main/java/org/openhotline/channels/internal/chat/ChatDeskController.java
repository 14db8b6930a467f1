package org.openhotline.channels.internal.chat;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openhotline.callcenter.ChatDistribution;
import org.openhotline.identity.StaffDirectory;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The chat desk (在线客服工作台): the agent's chats, writing, ending, transfer, chat → order; the leader's join. */
@RestController
@RequestMapping("/api/chat")
@Tag(name = "在线客服", description = "坐席接待在线会话：消息、转接、三方、转工单、常用语")
class ChatDeskController {

    private final ChatRecords records;
    private final ChatViews views;
    private final Chats chats;
    private final ChatDeskActions actions;
    private final ChatOrders orders;
    private final CannedReplies canned;
    private final ChatDistribution acd;
    private final StaffDirectory staff;

    ChatDeskController(ChatRecords records, ChatViews views, Chats chats, ChatDeskActions actions, ChatOrders orders,
                       CannedReplies canned, ChatDistribution acd, StaffDirectory staff) {
        this.records = records;
        this.views = views;
        this.chats = chats;
        this.actions = actions;
        this.orders = orders;
        this.canned = canned;
        this.acd = acd;
        this.staff = staff;
    }

    @GetMapping("/mine")
    @PreAuthorize("hasAnyAuthority('call:agent', 'call:monitor')")
    @Operation(summary = "我正在接待（或以班长身份加入）的会话及全部消息")
    List<ChatViews.ChatView> mine() {
        StaffPrincipal me = Callers.required();
        return records.activeOf(me.accountId()).stream().map(c -> views.of(c, me.accountId(), 0)).toList();
    }

    // a UUID only: /api/chat/ws is the desk's WebSocket, which this mapping would otherwise take first
    @GetMapping("/{id:[0-9a-fA-F-]{36}}")
    @PreAuthorize("hasAnyAuthority('call:agent', 'call:monitor')")
    @Operation(summary = "一个会话及 after 之后的消息（断线重连时补齐）")
    ChatViews.ChatView one(@PathVariable UUID id, @RequestParam(defaultValue = "0") int after) {
        StaffPrincipal me = Callers.required();
        Chat c = records.get(id);
        boolean mine = c.agentId() != null && c.agentId() == me.accountId();
        if (!mine && !me.can("call:monitor") && !records.participants(id).contains(me.accountId())) {
            throw DomainException.forbidden("该会话不由您接待");
        }
        return views.of(c, me.accountId(), Math.max(0, after));
    }

    record Line(@Size(max = 64, message = "消息编号最长 64 位") String clientId,
                @NotBlank(message = "消息不能为空") @Size(max = ChatMessage.MAX_LENGTH, message = "单条消息最长 1000 个字") String text) {}

    @PostMapping("/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyAuthority('call:agent', 'call:monitor')")
    @Operation(summary = "发送消息（先存后推；clientId 相同的重发只记一次）")
    ChatMessage say(@PathVariable UUID id, @Valid @RequestBody Line line) {
        StaffPrincipal me = Callers.required();
        return chats.staffSays(id, me.accountId(), me.displayName(), line.clientId(), line.text());
    }

    @PostMapping("/{id}/end")
    @PreAuthorize("hasAuthority('call:agent')")
    @Operation(summary = "结束会话（群众端随即收到满意度评价邀请）")
    Map<String, Object> end(@PathVariable UUID id) {
        records.get(id).requireHeldBy(Callers.required().accountId());
        chats.end(id, "AGENT");
        return Map.of("state", records.get(id).state());
    }

    record Transfer(Long accountId, @Size(max = 30) String groupCode) {}

    @PostMapping("/{id}/transfer")
    @PreAuthorize("hasAuthority('call:agent')")
    @Operation(summary = "转接给其他坐席（accountId）或技能组（groupCode）")
    Map<String, Object> transfer(@PathVariable UUID id, @RequestBody Transfer t) {
        StaffPrincipal me = Callers.required();
        if (t.accountId() != null) {
            actions.transferToAgent(id, me, t.accountId());
        } else if (t.groupCode() != null && !t.groupCode().isBlank()) {
            actions.transferToGroup(id, me, t.groupCode());
        } else {
            throw DomainException.invalid("请选择转接的坐席或技能组");
        }
        return Map.of("transferred", true);
    }

    record Target(long accountId, String agentNo, String name, String stateLabel, int chats) {}

    record Targets(List<ChatDistribution.ChatGroup> groups, List<Target> agents) {}

    @GetMapping("/transfer-targets")
    @PreAuthorize("hasAnyAuthority('call:agent', 'call:monitor')")
    @Operation(summary = "可转接的技能组与已签入的坐席")
    Targets targets() {
        long me = Callers.required().accountId();
        var agents = acd.signedIn().stream().filter(a -> a.accountId() != me).toList();
        Map<Long, String> names = staff.byIds(agents.stream().map(ChatDistribution.ChatAgent::accountId).toList()).stream()
                .collect(Collectors.toMap(StaffDirectory.Staff::accountId, StaffDirectory.Staff::displayName));
        return new Targets(acd.groups(), agents.stream().map(a -> new Target(a.accountId(), a.agentNo(),
                names.getOrDefault(a.accountId(), a.agentNo()), a.stateLabel(), a.chats())).toList());
    }

    @GetMapping("/open")
    @PreAuthorize("hasAuthority('call:monitor')")
    @Operation(summary = "班长：排队中与接待中的全部会话")
    List<ChatViews.ChatView> open() {
        long me = Callers.required().accountId();
        return records.open().stream().map(c -> views.of(c, me, Integer.MAX_VALUE)).toList();
    }

    @PostMapping("/{id}/join")
    @PreAuthorize("hasAuthority('call:monitor')")
    @Operation(summary = "班长加入会话（三方）")
    ChatViews.ChatView join(@PathVariable UUID id) {
        StaffPrincipal me = Callers.required();
        actions.join(id, me);
        return views.of(records.get(id), me.accountId(), 0);
    }

    record OrderForm(String appealType, Long categoryId, Long regionId, @Size(max = 200) String address,
                     @Size(max = 100) String title, String content, @Size(max = 30) String name, @Size(max = 20) String phone) {}

    @PostMapping("/{id}/order")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('call:agent')")
    @Operation(summary = "会话转工单（受理渠道：在线客服；会话记录作为附件随工单保存）")
    ChatOrders.Created order(@PathVariable UUID id, @RequestBody OrderForm f) {
        return orders.create(id, Callers.required(), new ChatOrders.Form(f.appealType(), f.categoryId(), f.regionId(),
                f.address(), f.title(), f.content(), f.name(), f.phone()));
    }

    @GetMapping("/canned")
    @PreAuthorize("hasAnyAuthority('call:agent', 'call:monitor', 'call:admin')")
    @Operation(summary = "常用语")
    List<CannedReplies.Reply> cannedReplies() {
        return canned.all();
    }

    record CannedForm(@NotBlank(message = "请填写标题") @Size(max = 20, message = "标题最长 20 个字") String title,
                      @NotBlank(message = "请填写内容") @Size(max = 500, message = "内容最长 500 个字") String body,
                      Integer position) {}

    @PostMapping("/canned")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('call:admin')")
    @Operation(summary = "新增常用语")
    CannedReplies.Reply addCanned(@Valid @RequestBody CannedForm f) {
        return canned.add(f.title(), f.body(), f.position() == null ? 100 : f.position());
    }

    @DeleteMapping("/canned/{replyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('call:admin')")
    @Operation(summary = "删除常用语")
    void removeCanned(@PathVariable long replyId) {
        canned.remove(replyId);
    }
}
