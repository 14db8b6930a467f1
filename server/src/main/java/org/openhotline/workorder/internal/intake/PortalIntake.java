package org.openhotline.workorder.internal.intake;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openhotline.organization.OrgNode;
import org.openhotline.organization.Organization;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.PortalOrders;
import org.openhotline.workorder.internal.model.Intake;
import org.openhotline.workorder.internal.model.OrderAccess;
import org.openhotline.workorder.internal.model.OrderDeadlines;
import org.openhotline.workorder.internal.model.OrderGates;
import org.openhotline.workorder.internal.model.OrderSteps;
import org.openhotline.workorder.internal.model.WorkOrders;
import org.openhotline.workorder.internal.values.Actor;
import org.openhotline.workorder.internal.values.AppealType;
import org.openhotline.workorder.internal.values.Channel;
import org.openhotline.workorder.internal.values.Satisfaction;
import org.openhotline.workorder.internal.values.Urgency;
import org.openhotline.shared.crypto.SealedFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The citizens' channels' way into the intake: the same {@link Intake} an agent uses, under a channel account
 * ({@code portal}, {@code email}, …) whose data scope is the hotline center's node ({@code hotline.channels.owner-node},
 * the city by default), so every order from a channel is the hotline's like a call is. Reads for the public view
 * live in {@link PublicOrderViews}.
 */
@Service
class PortalIntake implements PortalOrders {

    private final Intake intake;
    private final OrderSteps steps;
    private final OrderDeadlines deadlines;
    private final OrderGates gates;
    private final Organization organization;
    private final PublicOrderViews views;
    private final JdbcClient jdbc;
    private final String ownerNode;
    private final OrderAccess access;
    private final WorkOrders workOrders;
    private volatile Owner owner;

    PortalIntake(Intake intake, OrderSteps steps, OrderDeadlines deadlines, OrderGates gates, Organization organization,
                 PublicOrderViews views, JdbcClient jdbc, @Value("${hotline.channels.owner-node:JZ}") String ownerNode,
                 OrderAccess access, WorkOrders workOrders) {
        this.access = access;
        this.workOrders = workOrders;
        this.intake = intake;
        this.steps = steps;
        this.deadlines = deadlines;
        this.gates = gates;
        this.organization = organization;
        this.views = views;
        this.jdbc = jdbc;
        this.ownerNode = ownerNode;
    }

    @Override
    public Submitted submit(CitizenAppeal a, String idempotencyKey) {
        Channel channel = channel(a.channel());
        validate(a);
        AppealType type;
        try {
            type = a.appealType() == null ? AppealType.COMPLAINT : AppealType.valueOf(a.appealType());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("诉求类型不正确");
        }
        if (a.categoryId() != null && categories().stream().noneMatch(c -> c.id() == a.categoryId())) {
            throw DomainException.invalid("所选诉求分类不存在");
        }
        StaffPrincipal who = principal(channel);
        Intake.NewOrder order = new Intake.NewOrder(channel, type, Urgency.NORMAL, a.categoryId(), a.regionId(),
                a.address(), a.title(), a.content(), a.name(), a.phone(), a.anonymous(), false, null, null);
        Intake.Created created;
        try {
            created = intake.create(order, idempotencyKey, who);
        } catch (DuplicateKeyException e) {
            created = idempotencyKey == null ? null : intake.replay(who.username() + ":" + idempotencyKey.trim());
            if (created == null) {
                throw e;
            }
        }
        return new Submitted(created.id(), created.number(), created.createdAt(), created.replayed());
    }

    @Override
    public void attach(long orderId, String fileName, byte[] data, String channelName) {
        Channel channel = channel(channelName);
        String name = AttachmentController.safeName(fileName);
        String type = AttachmentController.typeOf(name);
        if (data.length == 0 || data.length > AttachmentController.MAX_BYTES) {
            throw DomainException.invalid("附件不能为空，且不能超过 10 MB");
        }
        if (!AttachmentController.contentMatches(type, data)) {
            throw DomainException.invalid("文件内容与扩展名不符：" + name);
        }
        StaffPrincipal who = principal(channel);
        steps.runUnversioned(orderId, who, (o, now) -> {
            o.attach(name, Actor.of(who), now);
            jdbc.sql("""
                    insert into wo_attachment (work_order_id, name, content_type, size, data, uploaded_by, uploaded_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(o.id(), name, type, data.length, SealedFiles.sealBytes(data), who.username(), WorkOrders.ts(now))
                    .update();
        });
    }

    @Override
    public Optional<PublicOrder> byNumber(String number) {
        return views.byNumber(number);
    }

    @Override
    public Optional<PublicOrder> byId(long id) {
        return views.byId(id);
    }

    @Override
    public Optional<PublicOrder> visibleTo(String number, StaffPrincipal viewer) {
        return views.byNumber(number).filter(o -> {
            access.requireVisible(workOrders.load(o.id()), viewer);
            return true;
        });
    }

    @Override
    public List<PublicOrder> byIds(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : views.byIds(ids);
    }

    @Override
    public List<PublicOrder> ofPhone(String phone, int limit) {
        return views.ofPhone(phone, limit);
    }

    @Override
    public void rate(long orderId, boolean resolved, String satisfaction, String note, String channelLabel) {
        Satisfaction s = Satisfaction.valueOf(satisfaction);
        StaffPrincipal who = citizen(channelLabel);
        steps.runUnversioned(orderId, who, (o, now) -> {
            if (s != Satisfaction.DISSATISFIED) {
                gates.beforeClose(o, who.username()); // this verdict closes the order
            }
            o.callback(resolved, s, note, Actor.of(who), now, deadlines);
        });
    }

    @Override
    public void askReopen(long orderId, String reason, String channelLabel) {
        StaffPrincipal who = citizen(channelLabel);
        steps.runUnversioned(orderId, who, (o, now) -> o.reopenAtCitizenRequest(reason, Actor.of(who), now, deadlines));
    }

    @Override
    public List<CategoryNode> categories() {
        return jdbc.sql("select id, parent_id, name, level from wo_category where enabled order by level, sort_order, id")
                .query((rs, n) -> new CategoryNode(rs.getLong("id"), (Long) rs.getObject("parent_id"), rs.getString("name"),
                        rs.getInt("level")))
                .list();
    }

    /** The staff intake form's rules (IntakeController.IntakeForm), for appeals that come without that form. */
    static void validate(CitizenAppeal a) {
        if (a.content() == null || a.content().isBlank()) {
            throw DomainException.invalid("请填写诉求内容");
        }
        if (a.content().length() > 10000) {
            throw DomainException.invalid("诉求内容最长 10000 个字");
        }
        if (a.title() != null && a.title().length() > 200) {
            throw DomainException.invalid("标题最长 200 个字");
        }
        if (a.address() != null && a.address().length() > 200) {
            throw DomainException.invalid("地址最长 200 个字");
        }
        if (a.name() != null && a.name().length() > 50) {
            throw DomainException.invalid("姓名最长 50 个字");
        }
        if (a.phone() != null && !a.phone().isBlank() && !a.phone().matches("^[0-9+\\-() ]{3,30}$")) {
            throw DomainException.invalid("联系电话格式不正确");
        }
    }

    private static Channel channel(String name) {
        try {
            return Channel.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw DomainException.invalid("受理渠道不正确");
        }
    }

    /** The channel account an order from {@code channel} is taken under (the timeline shows 网站 / 邮件信件 …). */
    private StaffPrincipal principal(Channel channel) {
        OrgNode owner = owner();
        return new StaffPrincipal(0, "channel-" + channel.name().toLowerCase(), channel.label() + "渠道", owner.id(),
                owner.path(), Set.of(), Set.of());
    }

    /** The citizen acting on their own order through a channel: named as 群众 on the timeline. */
    private StaffPrincipal citizen(String channelLabel) {
        OrgNode owner = owner();
        return new StaffPrincipal(0, "citizen", "群众（" + channelLabel + "）", owner.id(), owner.path(), Set.of(),
                Set.of());
    }

    /**
     * The owner node, read again after a change to a node on this node (as {@code OrgSnapshot} does) and at the
     * latest a minute after its last read (issue 14: looked up by code on every submit it was 8 % of a portal submit's
     * database wait). The minute bounds how long another cluster node, which hears of no change, or a read racing the
     * change's commit, keeps an edited node (its id and path change a few times a year, if ever).
     */
    private OrgNode owner() {
        Owner cached = owner;
        if (cached == null || System.nanoTime() - cached.readAt() > OWNER_FOR_NANOS) {
            OrgNode node = organization.nodeByCode(ownerNode)
                    .orElseThrow(() -> new IllegalStateException("hotline.channels.owner-node " + ownerNode + " not found"));
            cached = new Owner(node, System.nanoTime());
            owner = cached;
        }
        return cached.node();
    }

    @org.springframework.context.event.EventListener
    void on(org.openhotline.organization.OrgNodeChanged changed) {
        owner = null;
    }

    private record Owner(OrgNode node, long readAt) {}

    private static final long OWNER_FOR_NANOS = java.time.Duration.ofMinutes(1).toNanos();
}
