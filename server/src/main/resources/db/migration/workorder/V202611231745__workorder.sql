-- Work orders (工单): the order itself, its assignments to units (主办/协办/下级协同), the requests units make
-- (退回/延期), callbacks, supervision, follows, the timeline of every step, and the category taxonomy.
-- Every action bumps work_order.version: two people acting on one order at once → one wins, the other gets 409.

create table wo_category (
    id         bigserial primary key,
    parent_id  bigint references wo_category (id),
    name       varchar(50)  not null,
    level      int          not null check (level between 1 and 4),
    path       varchar(200) not null,
    sort_order int          not null default 0,
    enabled    boolean      not null default true,
    version    int          not null default 0
);
create index wo_category_parent on wo_category (parent_id, sort_order, id);
create index wo_category_path on wo_category (path text_pattern_ops);

create sequence wo_number_seq;

create table work_order (
    id                 bigserial primary key,
    number             varchar(20)  not null unique,
    channel            varchar(16)  not null,
    appeal_type        varchar(16)  not null,
    urgency            varchar(12)  not null,
    category_id        bigint references wo_category (id),
    region_id          bigint,
    region_path        varchar(1000),
    address            varchar(200),
    title              varchar(200) not null,
    content            text         not null,
    caller_name        varchar(50),
    caller_phone       varchar(30),
    anonymous          boolean      not null default false,
    confidential       boolean      not null default false,
    call_id            varchar(64),
    state              varchar(20)  not null,
    light              varchar(10)  not null default 'GREEN',
    stage_light        varchar(10)  not null default 'GREEN',
    stage_started_at   timestamptz,
    stage_due_at       timestamptz,
    owner_path         varchar(1000) not null,
    created_by         varchar(50)  not null,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    direct_reply       text,
    forwarded_to       varchar(20),
    closed_at          timestamptz,
    difficult          boolean      not null default false,
    dissatisfied_count int          not null default 0,
    urge_count         int          not null default 0,
    supervised         boolean      not null default false,
    supervise_due_at   timestamptz,
    merged_into        bigint references work_order (id),
    search_text        text         not null,
    grams              text[]       not null,
    version            int          not null default 0
);
create index work_order_created on work_order (created_at desc, id desc);
create index work_order_state on work_order (state, created_at desc);
create index work_order_light on work_order (light, created_at desc) where light <> 'GREEN';
create index work_order_phone on work_order (caller_phone, created_at desc);
create index work_order_address on work_order (address);
create index work_order_category on work_order (category_id);
create index work_order_region on work_order (region_path text_pattern_ops);
create index work_order_owner on work_order (owner_path text_pattern_ops);
create index work_order_flags on work_order (created_at desc) where supervised or difficult or urge_count > 0;
-- Chinese free text: every 2-character gram of title, content, address and caller name, so that a 2-character
-- word (噪音) is found through the index as well as longer phrases; the LIKE on search_text rechecks.
create index work_order_grams on work_order using gin (grams);

create table wo_assignment (
    id              bigserial primary key,
    work_order_id   bigint       not null references work_order (id),
    unit_id         bigint       not null,
    unit_path       varchar(1000) not null,
    unit_name       varchar(100) not null,
    role            varchar(8)   not null check (role in ('MAIN', 'ASSIST', 'SUB')),
    parent_id       bigint references wo_assignment (id),
    state           varchar(20)  not null,
    state_before    varchar(20),
    instruction     text,
    assigned_by     varchar(50)  not null,
    assigned_at     timestamptz  not null,
    sign_due_at     timestamptz  not null,
    handle_start_at timestamptz  not null,
    handle_due_at   timestamptz  not null,
    signed_at       timestamptz,
    signed_by       varchar(50),
    replied_at      timestamptz,
    replied_by      varchar(50),
    reply           text,
    cited_articles  bigint[]     not null default '{}',
    sign_light      varchar(10)  not null default 'GREEN',
    handle_light    varchar(10)  not null default 'GREEN',
    extensions      int          not null default 0
);
create index wo_assignment_order on wo_assignment (work_order_id);
create index wo_assignment_unit on wo_assignment (unit_path text_pattern_ops, state);

create table wo_request (
    id             bigserial primary key,
    work_order_id  bigint       not null references work_order (id),
    assignment_id  bigint       not null references wo_assignment (id),
    kind           varchar(10)  not null check (kind in ('RETURN', 'EXTENSION')),
    reason         text         not null,
    amount         int,
    unit           varchar(15),
    state          varchar(10)  not null check (state in ('PENDING', 'APPROVED', 'REJECTED')),
    requested_by   varchar(50)  not null,
    requested_at   timestamptz  not null,
    decided_by     varchar(50),
    decided_at     timestamptz,
    decision_note  text
);
create index wo_request_order on wo_request (work_order_id);
create index wo_request_pending on wo_request (kind, requested_at) where state = 'PENDING';

create table wo_timeline (
    id            bigserial primary key,
    work_order_id bigint       not null references work_order (id),
    at            timestamptz  not null,
    actor         varchar(50)  not null,
    actor_name    varchar(100),
    action        varchar(30)  not null,
    note          text,
    details       jsonb        not null default '{}'::jsonb
);
create index wo_timeline_order on wo_timeline (work_order_id, id);

create table wo_callback (
    id            bigserial primary key,
    work_order_id bigint       not null references work_order (id),
    resolved      boolean      not null,
    satisfaction  varchar(20)  not null,
    note          text,
    by_user       varchar(50)  not null,
    at            timestamptz  not null
);
create index wo_callback_order on wo_callback (work_order_id);

create table wo_follow (
    account_id    bigint       not null,
    work_order_id bigint       not null references work_order (id),
    at            timestamptz  not null,
    primary key (account_id, work_order_id)
);

create table wo_idempotency (
    key           varchar(160) primary key,
    work_order_id bigint       not null references work_order (id),
    created_at    timestamptz  not null
);

create table wo_attachment (
    id            bigserial primary key,
    work_order_id bigint       not null references work_order (id),
    name          varchar(200) not null,
    content_type  varchar(100) not null,
    size          bigint       not null,
    data          bytea        not null,
    uploaded_by   varchar(50)  not null,
    uploaded_at   timestamptz  not null
);
create index wo_attachment_order on wo_attachment (work_order_id);

-- The light of an order is the worst of its stage light (waiting for dispatch or callback) and the lights of
-- its active assignments (sign light only until signed).
create function wo_light_rank(light varchar) returns int language sql immutable as $$
    select case light when 'RED' then 2 when 'YELLOW' then 1 else 0 end
$$;

create function wo_refresh_lights(order_ids bigint[]) returns void language sql as $$
    update work_order w
       set light = x.light
      from (select o.id,
                   case greatest(
                       case when o.state in ('PENDING_DISPATCH', 'PENDING_CALLBACK') then wo_light_rank(o.stage_light) else 0 end,
                       coalesce((select max(greatest(case when a.state = 'PENDING_SIGN' then wo_light_rank(a.sign_light) else 0 end,
                                                     wo_light_rank(a.handle_light)))
                                   from wo_assignment a
                                  where a.work_order_id = o.id and a.state in ('PENDING_SIGN', 'HANDLING', 'RETURN_REQUESTED')), 0))
                   when 2 then 'RED' when 1 then 'YELLOW' else 'GREEN' end as light
              from work_order o where o.id = any(order_ids)) x
     where w.id = x.id and w.light <> x.light
$$;

create function wo_refresh_light(order_id bigint) returns void language sql as $$
    select wo_refresh_lights(array[order_id])
$$;

-- 12345 category taxonomy (诉求分类), 3–4 levels.
insert into wo_category (id, parent_id, name, level, path, sort_order) values
    (1, null, '城乡建设', 1, '/1/', 0),
    (2, 1, '市容环境', 2, '/1/2/', 0),
    (3, 2, '噪音扰民', 3, '/1/2/3/', 0),
    (4, 3, '施工噪音', 4, '/1/2/3/4/', 0),
    (5, 3, '社会生活噪音', 4, '/1/2/3/5/', 1),
    (6, 3, '商业经营噪音', 4, '/1/2/3/6/', 2),
    (7, 2, '垃圾清运', 3, '/1/2/7/', 1),
    (8, 2, '占道经营', 3, '/1/2/8/', 2),
    (9, 2, '违章搭建', 3, '/1/2/9/', 3),
    (10, 2, '餐饮油烟', 3, '/1/2/10/', 4),
    (11, 1, '住房管理', 2, '/1/11/', 1),
    (12, 11, '物业服务', 3, '/1/11/12/', 0),
    (13, 12, '物业收费', 4, '/1/11/12/13/', 0),
    (14, 12, '电梯维修', 4, '/1/11/12/14/', 1),
    (15, 12, '公共设施维护', 4, '/1/11/12/15/', 2),
    (16, 12, '小区停车', 4, '/1/11/12/16/', 3),
    (17, 11, '房屋质量', 3, '/1/11/17/', 1),
    (18, 11, '商品房交付', 3, '/1/11/18/', 2),
    (19, 11, '老旧小区改造', 3, '/1/11/19/', 3),
    (20, 11, '公租房保障', 3, '/1/11/20/', 4),
    (21, 1, '市政设施', 2, '/1/21/', 2),
    (22, 21, '道路破损', 3, '/1/21/22/', 0),
    (23, 21, '路灯故障', 3, '/1/21/23/', 1),
    (24, 21, '井盖缺失', 3, '/1/21/24/', 2),
    (25, 21, '排水不畅', 3, '/1/21/25/', 3),
    (26, 21, '园林绿化', 3, '/1/21/26/', 4),
    (27, null, '公用事业', 1, '/27/', 1),
    (28, 27, '供水', 2, '/27/28/', 0),
    (29, 28, '停水', 3, '/27/28/29/', 0),
    (30, 28, '水质问题', 3, '/27/28/30/', 1),
    (31, 28, '水费争议', 3, '/27/28/31/', 2),
    (32, 27, '供电', 2, '/27/32/', 1),
    (33, 32, '停电', 3, '/27/32/33/', 0),
    (34, 32, '电费争议', 3, '/27/32/34/', 1),
    (35, 32, '线路隐患', 3, '/27/32/35/', 2),
    (36, 27, '燃气', 2, '/27/36/', 2),
    (37, 36, '燃气泄漏', 3, '/27/36/37/', 0),
    (38, 36, '停气', 3, '/27/36/38/', 1),
    (39, 36, '燃气收费', 3, '/27/36/39/', 2),
    (40, 27, '通信', 2, '/27/40/', 3),
    (41, 40, '网络信号', 3, '/27/40/41/', 0),
    (42, 40, '资费争议', 3, '/27/40/42/', 1),
    (43, null, '交通出行', 1, '/43/', 2),
    (44, 43, '公共交通', 2, '/43/44/', 0),
    (45, 44, '公交线路', 3, '/43/44/45/', 0),
    (46, 44, '公交服务', 3, '/43/44/46/', 1),
    (47, 44, '出租车网约车', 3, '/43/44/47/', 2),
    (48, 47, '拒载', 4, '/43/44/47/48/', 0),
    (49, 47, '绕路', 4, '/43/44/47/49/', 1),
    (50, 47, '乱收费', 4, '/43/44/47/50/', 2),
    (51, 43, '道路交通', 2, '/43/51/', 1),
    (52, 51, '交通信号灯', 3, '/43/51/52/', 0),
    (53, 51, '违法停车', 3, '/43/51/53/', 1),
    (54, 51, '交通拥堵', 3, '/43/51/54/', 2),
    (55, null, '市场监管', 1, '/55/', 3),
    (56, 55, '消费维权', 2, '/55/56/', 0),
    (57, 56, '商品质量', 3, '/55/56/57/', 0),
    (58, 56, '预付卡退费', 3, '/55/56/58/', 1),
    (59, 56, '网络购物', 3, '/55/56/59/', 2),
    (60, 55, '食品安全', 2, '/55/60/', 1),
    (61, 60, '餐饮卫生', 3, '/55/60/61/', 0),
    (62, 60, '过期食品', 3, '/55/60/62/', 1),
    (63, 55, '价格监管', 2, '/55/63/', 2),
    (64, 63, '价格欺诈', 3, '/55/63/64/', 0),
    (65, 63, '明码标价', 3, '/55/63/65/', 1),
    (66, 55, '特种设备', 2, '/55/66/', 3),
    (67, 66, '电梯安全', 3, '/55/66/67/', 0),
    (68, null, '生态环境', 1, '/68/', 4),
    (69, 68, '大气污染', 2, '/68/69/', 0),
    (70, 69, '工业废气', 3, '/68/69/70/', 0),
    (71, 69, '扬尘污染', 3, '/68/69/71/', 1),
    (72, 68, '水污染', 2, '/68/72/', 1),
    (73, 72, '河道污染', 3, '/68/72/73/', 0),
    (74, 72, '污水排放', 3, '/68/72/74/', 1),
    (75, 68, '噪声污染', 2, '/68/75/', 2),
    (76, 75, '工业噪声', 3, '/68/75/76/', 0),
    (77, null, '劳动保障', 1, '/77/', 5),
    (78, 77, '劳动关系', 2, '/77/78/', 0),
    (79, 78, '拖欠工资', 3, '/77/78/79/', 0),
    (80, 79, '农民工工资', 4, '/77/78/79/80/', 0),
    (81, 79, '企业欠薪', 4, '/77/78/79/81/', 1),
    (82, 78, '劳动合同', 3, '/77/78/82/', 1),
    (83, 77, '社会保险', 2, '/77/83/', 1),
    (84, 83, '社保缴纳', 3, '/77/83/84/', 0),
    (85, 83, '养老金', 3, '/77/83/85/', 1),
    (86, 83, '失业保险', 3, '/77/83/86/', 2),
    (87, 77, '就业创业', 2, '/77/87/', 2),
    (88, 87, '就业服务', 3, '/77/87/88/', 0),
    (89, 87, '创业补贴', 3, '/77/87/89/', 1),
    (90, null, '教育文体', 1, '/90/', 6),
    (91, 90, '教育', 2, '/90/91/', 0),
    (92, 91, '入学政策', 3, '/90/91/92/', 0),
    (93, 91, '校外培训', 3, '/90/91/93/', 1),
    (94, 91, '学校收费', 3, '/90/91/94/', 2),
    (95, 90, '文化旅游', 2, '/90/95/', 1),
    (96, 95, '旅游投诉', 3, '/90/95/96/', 0),
    (97, 95, '文化场馆', 3, '/90/95/97/', 1),
    (98, null, '医疗卫生', 1, '/98/', 7),
    (99, 98, '医疗服务', 2, '/98/99/', 0),
    (100, 99, '就医服务', 3, '/98/99/100/', 0),
    (101, 99, '医疗纠纷', 3, '/98/99/101/', 1),
    (102, 98, '医疗保障', 2, '/98/102/', 1),
    (103, 102, '医保报销', 3, '/98/102/103/', 0),
    (104, 102, '医保缴费', 3, '/98/102/104/', 1),
    (105, 98, '公共卫生', 2, '/98/105/', 2),
    (106, 105, '疫苗接种', 3, '/98/105/106/', 0),
    (107, 105, '病媒防治', 3, '/98/105/107/', 1),
    (108, null, '公安政法', 1, '/108/', 8),
    (109, 108, '治安管理', 2, '/108/109/', 0),
    (110, 109, '治安隐患', 3, '/108/109/110/', 0),
    (111, 109, '诈骗线索', 3, '/108/109/111/', 1),
    (112, 108, '户籍管理', 2, '/108/112/', 1),
    (113, 112, '户口迁移', 3, '/108/112/113/', 0),
    (114, 112, '身份证办理', 3, '/108/112/114/', 1),
    (115, null, '民政社保', 1, '/115/', 9),
    (116, 115, '养老服务', 2, '/115/116/', 0),
    (117, 116, '养老机构', 3, '/115/116/117/', 0),
    (118, 116, '高龄津贴', 3, '/115/116/118/', 1),
    (119, 115, '社会救助', 2, '/115/119/', 1),
    (120, 119, '低保', 3, '/115/119/120/', 0),
    (121, 119, '临时救助', 3, '/115/119/121/', 1),
    (122, null, '政务服务', 1, '/122/', 10),
    (123, 122, '办事咨询', 2, '/122/123/', 0),
    (124, 123, '办事指南', 3, '/122/123/124/', 0),
    (125, 123, '办理进度', 3, '/122/123/125/', 1),
    (126, 122, '工作作风', 2, '/122/126/', 1),
    (127, 126, '服务态度', 3, '/122/126/127/', 0),
    (128, 126, '办事效率', 3, '/122/126/128/', 1),
    (129, null, '其他', 1, '/129/', 11),
    (130, 129, '表扬感谢', 2, '/129/130/', 0),
    (131, 130, '表扬', 3, '/129/130/131/', 0),
    (132, 129, '意见建议', 2, '/129/132/', 1),
    (133, 132, '城市建设建议', 3, '/129/132/133/', 0),
    (134, 132, '其他建议', 3, '/129/132/134/', 1),
    (135, 129, '其他诉求', 2, '/129/135/', 2),
    (136, 135, '其他', 3, '/129/135/136/', 0);
select setval('wo_category_id_seq', 136);
