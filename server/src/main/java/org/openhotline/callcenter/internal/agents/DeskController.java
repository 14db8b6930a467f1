package org.openhotline.callcenter.internal.agents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.openhotline.identity.StaffDirectory;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.Masking;
import org.openhotline.shared.PageResult;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.CallerOrders;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.openhotline.shared.crypto.PersonalData;

/** The agent desk's side: live push, today's figures, the caller's history, internal messages, callback tasks. */
@RestController
@RequestMapping("/api/callcenter")
@Tag(name = "坐席工作台")
class DeskController {

    private final DeskEvents deskEvents;
    private final SeatBoard board;
    private final AgentDay day;
    private final JdbcClient jdbc;
    private final StaffDirectory staff;
    private final Clock clock;
    private final CallerOrders orders;

    DeskController(DeskEvents deskEvents, SeatBoard board, AgentDay day, JdbcClient jdbc, StaffDirectory staff, Clock clock,
                   CallerOrders orders) {
        this.orders = orders;
        this.deskEvents = deskEvents;
        this.board = board;
        this.day = day;
        this.jdbc = jdbc;
        this.staff = staff;
        this.clock = clock;
    }

    @GetMapping(value = "/me/stream", produces = "text/event-stream")
    @PreAuthorize("hasAuthority('call:agent')")
    @Operation(summary = "本人工作台实时推送（SSE）：seat（状态、振铃时的来电号码）与 message（内部消息）")
    SseEmitter stream() {
        long me = Callers.required().accountId();
        return deskEvents.subscribe(me, board.of(me));
    }

    @GetMapping("/me/today")
    @PreAuthorize("hasAuthority('call:agent')")
    @Operation(summary = "今日绩效：接听量、平均通话时长、平均整理时长、满意度")
    AgentDay.Today today() {
        return day.of(Callers.required().accountId());
    }

    record PastCall(String id, OffsetDateTime arrivedAt, String direction, String agentNo, Double talkSeconds,
                    String abandonPoint, Integer satisfaction) {}

    record CallerView(String number, boolean blacklisted, boolean priority, boolean repeatCaller, long callsLast30Days,
                      List<PastCall> calls, List<CallerOrders.CallerOrder> orders, long openOrders) {}

    @GetMapping("/callers/{number}")
    @PreAuthorize("hasAnyAuthority('call:agent', 'call:monitor')")
    @Operation(summary = "来电视图：来电号码的标签（黑名单、优先、重复来电）、历史通话、历史与在办工单（在办工单可一键催办）")
    CallerView caller(@PathVariable String number) {
        StaffPrincipal me = Callers.required();
        OffsetDateTime now = OffsetDateTime.now(clock);
        var calls = jdbc.sql("""
                select c.id, c.arrived_at, c.direction, a.agent_no, extract(epoch from c.ended_at - c.answered_at)::float8,
                       c.abandon_point, c.satisfaction
                  from cc_call c left join cc_agent a on a.account_id = c.agent_id
                 where c.caller_index = ? order by c.arrived_at desc limit 20""")
                .param(PersonalData.phoneIndex(number)).query((rs, n) -> new PastCall(rs.getString(1), rs.getObject(2, OffsetDateTime.class),
                        rs.getString(3), rs.getString(4), rs.getObject(5, Double.class), rs.getString(6),
                        rs.getObject(7, Integer.class))).list();
        boolean blacklisted = jdbc.sql("select exists(select 1 from cc_blacklist where number_index = ? and (expires_at is null or expires_at > ?))")
                .params(PersonalData.phoneIndex(number), now).query(Boolean.class).single();
        boolean priority = jdbc.sql("select exists(select 1 from cc_priority_caller where number_index = ?)").param(PersonalData.phoneIndex(number))
                .query(Boolean.class).single();
        long recent = calls.stream().filter(c -> c.arrivedAt().isAfter(now.minusHours(24))).count();
        long month = calls.stream().filter(c -> c.arrivedAt().isAfter(now.minusDays(30))).count();
        String shown = me.can("phone:unmask") ? number : Masking.phone(number);
        // Past and open orders come from the work-order module, within this viewer's data scope.
        var pastOrders = me.can("workorder:read") || me.can("workorder:intake") ? orders.ofCaller(number, me, 20)
                : List.<CallerOrders.CallerOrder>of();
        long open = pastOrders.stream().filter(CallerOrders.CallerOrder::open).count();
        return new CallerView(shown, blacklisted, priority, recent > 1, month, calls, pastOrders, open);
    }

    record ToDo(long ordersToHandle, long callbacksDue) {}

    @GetMapping("/me/to-do")
    @PreAuthorize("hasAuthority('call:agent')")
    @Operation(summary = "待办数量：待处理工单（本人受理、仍在热线的送审或待派工单）与待回呼任务")
    ToDo toDo() {
        StaffPrincipal me = Callers.required();
        long callbacks = jdbc.sql("select count(*) from cc_callback_task where done_at is null").query(Long.class).single();
        return new ToDo(me.can("workorder:intake") ? orders.countToHandle(me) : 0, callbacks);
    }

    @GetMapping("/me/orders-to-handle")
    @PreAuthorize("hasAuthority('call:agent')")
    @Operation(summary = "待处理工单（分页）：本人受理、仍在热线的送审或待派工单")
    PageResult<CallerOrders.OrderToHandle> ordersToHandle(@RequestParam(defaultValue = "1") int page,
                                                          @RequestParam(defaultValue = "10") int size) {
        StaffPrincipal me = Callers.required();
        if (!me.can("workorder:intake")) {
            return new PageResult<>(List.of(), 0, page, size);
        }
        return new PageResult<>(orders.toHandle(me, page, size), orders.countToHandle(me), page, PageResult.clampSize(size));
    }

    record Message(long id, long fromId, String fromName, long toId, String text, OffsetDateTime sentAt, OffsetDateTime readAt) {}

    record MessageForm(@NotNull(message = "请选择收信人") Long toAccountId,
                       @NotBlank(message = "请填写消息内容") @Size(max = 500, message = "消息最长 500 字") String text) {}

    @PostMapping("/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyAuthority('call:agent', 'call:monitor')")
    @Operation(summary = "发送内部消息（坐席与班长之间），对方工作台实时收到")
    Message send(@Valid @RequestBody MessageForm form) {
        StaffPrincipal me = Callers.required();
        var to = staff.byId(form.toAccountId()).orElseThrow(() -> DomainException.invalid("收信人不存在"));
        long id = jdbc.sql("insert into cc_message (from_id, to_id, text, sent_at) values (?, ?, ?, ?) returning id")
                .params(me.accountId(), to.accountId(), form.text(), OffsetDateTime.now(clock)).query(Long.class).single();
        Message message = new Message(id, me.accountId(), me.displayName(), to.accountId(), form.text(), OffsetDateTime.now(clock), null);
        deskEvents.push(to.accountId(), "message", message);
        return message;
    }

    @GetMapping("/messages")
    @PreAuthorize("hasAnyAuthority('call:agent', 'call:monitor')")
    List<Message> inbox() {
        long me = Callers.required().accountId();
        var rows = jdbc.sql("""
                select id, from_id, '' as from_name, to_id, text, sent_at, read_at from cc_message
                 where to_id = ? or from_id = ? order by sent_at desc limit 100""")
                .params(me, me).query(Message.class).list();
        var names = staff.byIds(rows.stream().map(Message::fromId).distinct().toList()).stream()
                .collect(java.util.stream.Collectors.toMap(StaffDirectory.Staff::accountId, StaffDirectory.Staff::displayName));
        return rows.stream().map(m -> new Message(m.id(), m.fromId(), names.getOrDefault(m.fromId(), ""), m.toId(),
                m.text(), m.sentAt(), m.readAt())).toList();
    }

    record Contact(long accountId, String name, String agentNo, boolean teamLeader) {}

    @GetMapping("/contacts")
    @PreAuthorize("hasAnyAuthority('call:agent', 'call:monitor')")
    @Operation(summary = "内部消息的收信人：班长与坐席")
    List<Contact> contacts() {
        long me = Callers.required().accountId();
        var leaders = staff.withRole(org.openhotline.identity.Role.TEAM_LEADER).stream()
                .map(s -> new Contact(s.accountId(), s.displayName(), s.agentNo(), true));
        var agents = staff.withRole(org.openhotline.identity.Role.AGENT).stream()
                .map(s -> new Contact(s.accountId(), s.displayName(), s.agentNo(), false));
        return java.util.stream.Stream.concat(leaders, agents).filter(c -> c.accountId() != me).toList();
    }

    record CallbackTask(long id, String number, String callId, String reason, OffsetDateTime createdAt) {}

    @GetMapping("/callback-tasks")
    @PreAuthorize("hasAnyAuthority('call:agent', 'workorder:callback')")
    @Operation(summary = "待回呼任务（排队超时的来电者）")
    List<CallbackTask> callbackTasks() {
        boolean unmasked = Callers.required().can("phone:unmask");
        return jdbc.sql("select id, number, call_id, reason, created_at from cc_callback_task where done_at is null order by created_at limit 200")
                .query(CallbackTask.class).list().stream()
                .map(t -> new CallbackTask(t.id(), PersonalData.open(t.number()), t.callId(), t.reason(), t.createdAt()))
                .map(t -> unmasked ? t : new CallbackTask(t.id(), Masking.phone(t.number()), t.callId(), t.reason(), t.createdAt()))
                .toList();
    }

    @PostMapping("/callback-tasks/{id}/done")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyAuthority('call:agent', 'workorder:callback')")
    void callbackDone(@PathVariable long id) {
        int rows = jdbc.sql("update cc_callback_task set done_at = ?, done_by = ? where id = ? and done_at is null")
                .params(OffsetDateTime.now(clock), Callers.required().accountId(), id).update();
        if (rows == 0) {
            throw DomainException.conflict("该回呼任务已处理或不存在");
        }
    }
}
