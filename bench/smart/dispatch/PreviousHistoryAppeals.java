

import java.util.List;
import java.util.Random;

/**
 * The demo year's generator of the previous round (main at aa67598, HistoryAppeals, copied unchanged but for its name),
 * so that the bench trains the previous round's model on the previous round's history in the same run.
 *
 * The appeals of the demo year, in varied wording: each matter (what is wrong and who handles it) has several ways of
 * saying it, and an opening, a detail and a request are drawn around it, so that the dispatch model learns from the
 * words of a matter rather than from one sentence repeated. Units follow the history's conventions: a city unit's
 * code, {@code D:XXX} for the order's district's unit, {@code S} for the order's street office, null for a question
 * answered at once. The evaluation appeals in bench/smart/dispatch were written apart from this file.
 */
final class PreviousHistoryAppeals {

    /** One generated appeal. */
    public record Appeal(String category, String type, String unit, String content) {}

    record Matter(String category, String type, String unit, int weight, List<String> says, List<String> details) {}

    private static Matter m(String category, String type, String unit, int weight, List<String> says, String... details) {
        return new Matter(category, type, unit, weight, says, List.of(details));
    }

    static final List<Matter> MATTERS = List.of(
            m("施工噪音", "COMPLAINT", "D:CGJ", 55, List.of("小区旁工地夜间施工噪音扰民，凌晨还在作业",
                    "附近工地晚上十点以后还在打桩，吵得睡不着", "工地深夜浇筑混凝土，机器轰鸣声不断",
                    "建筑工地夜里运渣土、敲钢管，噪音太大", "旁边楼盘工地通宵施工，没有看到夜间施工许可公示"),
                    "家里有老人小孩", "已经持续一个多星期", "第二天还要上班", "打电话给工地没人理"),
            m("社会生活噪音", "COMPLAINT", "S", 30, List.of("楼上住户每天深夜敲打地板，影响休息",
                    "隔壁邻居家狗整夜叫个不停", "小区广场舞音响开得太大，晚上九点以后还在跳",
                    "楼下邻居装修不按规定时间，周末一大早就电钻", "邻居家里经常半夜唱歌喝酒吵闹"),
                    "跟邻居沟通过没有用", "物业也协调不了", "希望社区出面调解", "已经影响到孩子学习"),
            m("餐饮油烟", "COMPLAINT", "D:CGJ", 30, List.of("楼下餐馆油烟直排，窗户都不敢开",
                    "临街饭店没装油烟净化器，油烟熏到楼上住户", "小区底商烧烤店油烟和气味很大",
                    "夜宵店在门口露天烧烤，烟雾弥漫", "餐馆排烟管道直接对着居民窗户"),
                    "衣服晾不了", "家里老人咳嗽", "每天晚上都这样", "跟店老板说过没用"),
            m("垃圾清运", "COMPLAINT", "S", 35, List.of("小区垃圾多日无人清运，气味很大",
                    "巷子里的垃圾桶满了好几天没人收", "老小区楼道口堆满生活垃圾，苍蝇很多",
                    "背街小巷建筑垃圾和生活垃圾混堆，一直没人清理", "垃圾分类点的垃圾溢出来了，没人来拉"),
                    "夏天臭味更严重", "居民出行要绕着走", "希望尽快清理", "已经反映给小区很多次"),
            m("垃圾清运", "COMPLAINT", "CGJ-HWC", 8, List.of("主干道旁的垃圾中转站臭气熏天，污水外流",
                    "大马路上的公共厕所脏乱，长期没人打扫", "城市主干道上落叶和垃圾几天没人清扫",
                    "垃圾转运车路过时沿路洒落污水"),
                    "路过的人都捂着鼻子", "影响市容", "希望环卫部门处理"),
            m("占道经营", "REPORT", "D:CGJ", 20, List.of("路边摊贩占道经营，行人只能走机动车道",
                    "学校门口流动摊贩扎堆，放学时堵得水泄不通", "菜市场外面商贩把摊子摆到马路上",
                    "店铺把货物摆到人行道上经营", "夜市摊位占用盲道和人行道"),
                    "存在安全隐患", "晚上尤其严重", "城管来了就走，走了又来"),
            m("违章搭建", "REPORT", "D:CGJ", 15, List.of("小区一楼住户私自扩建院子，占用公共绿地",
                    "楼顶有人搭建彩钢房", "邻居在阳台外违规搭建雨棚，挡住采光",
                    "小区里有人私搭乱建车棚"),
                    "怀疑没有审批", "影响邻居通风采光", "希望依法拆除"),
            m("违章搭建", "REPORT", "CGJ-ZFZD", 6, List.of("城市主干道两侧商铺违法加建二层，规模很大",
                    "渣土车晚上在主干道上抛洒，路面全是泥", "跨区的大型违法建设项目一直在施工没人管",
                    "重点区域广场周边有违法建设正在抢建"),
                    "请执法部门查处", "已经持续好几天"),
            m("物业收费", "COMPLAINT", "D:ZJJ", 25, List.of("物业费上涨没有公示，业主不认可",
                    "物业公司乱收停车管理费和装修押金", "物业服务很差却要求提前交全年物业费",
                    "物业不交费就不给开门禁卡", "物业公共收益从来不公开"),
                    "业主们意见很大", "要求说明收费依据", "希望主管部门监督"),
            m("物业服务", "COMPLAINT", "ZJJ-WYK", 8, List.of("小区想成立业主委员会，街道和物业一直拖着不办",
                    "业委会换届选举程序不合规，业主不认可", "申请使用住宅专项维修资金修屋顶，一直批不下来",
                    "物业公司资质有问题，要求查询其信用记录"),
                    "希望主管部门给予指导", "已经拖了大半年"),
            m("电梯维修", "HELP", "D:ZJJ", 30, List.of("小区电梯经常困人，物业一直不维修",
                    "单元楼电梯坏了两个星期还没修好，老人上下楼困难", "电梯运行时异响抖动，物业说没钱修",
                    "高层住宅电梯停运，物业一直推脱"),
                    "住在高层", "家里有行动不便的老人", "物业说等维修资金"),
            m("电梯安全", "REPORT", "SCJ", 8, List.of("商场扶梯突然反转，有人摔倒，怀疑有安全隐患",
                    "电梯年检合格证过期了还在运行", "医院电梯经常急停，担心维保不到位",
                    "写字楼电梯困人后维保单位半小时都没到"),
                    "请特种设备监管部门检查", "担心出事故"),
            m("小区停车", "COMPLAINT", "D:ZJJ", 15, List.of("小区车位被外来车辆长期占用",
                    "物业把公共车位卖给外人，业主没地方停", "小区地面停车混乱，消防通道被堵", "物业私自涨停车费"),
                    "业主回家找不到车位", "希望物业规范管理"),
            m("道路破损", "REPORT", "CGJ", 22, List.of("道路坑洼积水，电动车经过容易摔倒",
                    "马路中间塌了一个坑，车辆经过很危险", "人行道地砖松动破损，下雨踩上去溅一身水",
                    "路面开裂起包好几个月了没人修"),
                    "已经有人摔倒", "晚上看不清", "请尽快修复"),
            m("路灯故障", "REPORT", "CGJ", 22, List.of("路灯不亮已经一个星期，夜里出行不安全",
                    "整条路的路灯晚上全黑了", "路灯白天亮晚上不亮", "路灯杆被撞歪了，灯也不亮了"),
                    "晚上下班回家很害怕", "附近有学校", "请尽快维修"),
            m("井盖缺失", "REPORT", "CGJ", 10, List.of("人行道井盖缺失，晚上有人差点掉下去",
                    "路口的井盖破了一个大洞", "井盖松动，车压过去哐当响", "雨水井盖被人偷了"),
                    "非常危险", "已经用树枝围起来了", "请尽快处理"),
            m("园林绿化", "SUGGESTION", "CGJ", 6, List.of("公园里的树枝快压到电线了，建议修剪",
                    "主干道绿化带的树倒了没人扶", "公园草坪被踩秃了，建议补种", "行道树长得太密挡住路灯和红绿灯"),
                    "存在安全隐患", "希望园林部门处理"),
            m("排水不畅", "HELP", "SWJT", 12, List.of("一下雨路口就积水，排水管道堵了",
                    "小区外面下水道堵塞，污水往上冒", "雨水篦子被堵，积水没过脚踝", "排水井冒黑水，臭味很大"),
                    "车辆都开不过去", "请尽快疏通"),
            m("停水", "HELP", "SWJT", 28, List.of("家里停水一整天了，没有任何通知",
                    "整栋楼突然没水了，打电话问不到原因", "小区停水三天了还没恢复", "水压特别小，楼上几乎没水"),
                    "做饭洗漱都成问题", "家里有老人", "什么时候能恢复"),
            m("水质问题", "COMPLAINT", "SWJT", 8, List.of("自来水发黄有异味", "水龙头里放出来的水浑浊有沉淀",
                    "自来水有很重的漂白粉味道", "烧开的水有白色漂浮物"),
                    "不敢喝", "已经好几天了"),
            m("水费争议", "COMPLAINT", "SWJT", 6, List.of("这个月水费突然翻倍，怀疑水表有问题",
                    "家里没人住却产生了很高的水费", "水费账单和水表读数对不上"), "要求重新核查"),
            m("停电", "HELP", "GDJ", 18, List.of("小区突然停电，冰箱里的东西都坏了",
                    "这片区域经常停电，一个月好几次", "家里电压不稳，灯一闪一闪的", "停电好几个小时了也没有通知"),
                    "天气很热", "家里有病人要用制氧机", "什么时候来电"),
            m("电费争议", "COMPLAINT", "GDJ", 6, List.of("电费比往年同期高出很多，怀疑电表计量不准",
                    "阶梯电价计算有问题", "预交的电费莫名其妙扣完了"), "要求供电公司解释"),
            m("线路隐患", "REPORT", "GDJ", 6, List.of("电线杆倾斜，电线垂得很低", "变压器冒烟有异响",
                    "小区里电缆裸露在外面"), "担心触电", "请尽快排查"),
            m("燃气泄漏", "HELP", "RQJT", 6, List.of("楼道里闻到很浓的燃气味", "家里燃气表附近有漏气的声音",
                    "小区燃气管道被挖断了，有气味冒出来"), "非常紧急", "请马上派人处理"),
            m("燃气收费", "COMPLAINT", "RQJT", 10, List.of("燃气费账单异常，比上月高出一倍",
                    "燃气公司上门安检强制推销报警器", "燃气开户费收得不合理", "停气了没有提前通知"),
                    "要求给个说法"),
            m("网络信号", "COMPLAINT", "DXJZ", 6, List.of("家里电信宽带经常断网", "电信手机信号很差，经常打不通电话",
                    "电信营业厅办理业务被乱收费"), "多次报修没解决"),
            m("网络信号", "COMPLAINT", "YDJZ", 6, List.of("移动手机在家里没有信号", "移动宽带装了一个月还没开通",
                    "移动套餐被莫名其妙改了"), "客服一直推脱"),
            m("公交服务", "COMPLAINT", "JTJ", 18, List.of("公交车到站不停，等车半小时",
                    "公交司机开车急刹急转，态度恶劣", "公交车长期不按时刻表发车", "建议新开一条到开发区的公交线路"),
                    "上班经常迟到", "希望交通部门管一管"),
            m("绕路", "COMPLAINT", "JTJ", 12, List.of("出租车司机绕路多收费", "网约车司机中途加价",
                    "出租车在火车站拒载", "出租车不打表一口价"), "有行程记录", "要求退还多收的钱"),
            m("违法停车", "REPORT", "JJZD", 22, List.of("小区门口长期有车辆违停，堵住消防通道",
                    "路边车辆双排停车，公交车都过不去", "人行道上停满了车", "学校门口接送孩子的车乱停"),
                    "早晚高峰特别严重", "请交警来处理"),
            m("交通信号灯", "REPORT", "JJZD", 10, List.of("路口红绿灯坏了，早晚高峰很危险",
                    "红绿灯时间设置不合理，绿灯只有十几秒", "路口缺少行人过街信号灯", "交通标线磨损看不清"),
                    "容易出事故", "建议调整"),
            m("交通拥堵", "SUGGESTION", "JJZD", 6, List.of("每天早高峰这个路口堵得厉害，建议加派交警疏导",
                    "学校附近上下学时段拥堵严重"), "希望改善"),
            m("网络购物", "COMPLAINT", "D:SCJ", 16, List.of("网购电器有质量问题，商家拒绝退货",
                    "在本地商场买的衣服洗一次就坏了，商家不给退", "买的手机是翻新机，商家不认",
                    "家具店送货和样品不一致"), "有购物凭证", "要求退货退款"),
            m("预付卡退费", "COMPLAINT", "D:SCJ", 12, List.of("健身房办卡后不让退费",
                    "理发店充值卡余额不让退", "培训机构收了一年学费，课没上完不给退", "美容院诱导充值"),
                    "合同里没有写不退", "希望帮忙协调退费"),
            m("预付卡退费", "COMPLAINT", "SWJ", 8, List.of("充值的健身房突然关门跑路了，老板联系不上",
                    "办了卡的连锁洗衣店全部停业，预付卡没法用", "超市购物卡发卡企业倒闭，卡里的钱取不出来",
                    "美发店老板卷款跑路，几百人的会员卡作废"),
                    "涉及人数很多", "希望政府追查"),
            m("餐饮卫生", "REPORT", "D:SCJ", 10, List.of("餐馆后厨卫生条件差，吃完腹泻",
                    "外卖里吃出虫子", "小吃店没有营业执照和健康证", "超市卖过期食品"),
                    "保留了证据", "请监管部门查处"),
            m("餐饮卫生", "REPORT", "SCJ-SPK", 5, List.of("学校食堂饭菜不卫生，孩子吃了拉肚子",
                    "食品加工厂卫生很差，工人不戴手套", "集体用餐配送的盒饭有异味"), "请食品安全部门检查"),
            m("价格欺诈", "COMPLAINT", "D:SCJ", 6, List.of("商家标价和结账价不一致", "景区附近饭店宰客",
                    "药店同一种药价格比别家高一倍"), "要求查处"),
            m("扬尘污染", "COMPLAINT", "SBJ", 10, List.of("工地扬尘严重，没有覆盖也不洒水",
                    "搅拌站粉尘很大，附近车上全是灰", "拆迁工地尘土飞扬"), "空气很差", "请环保部门处理"),
            m("工业废气", "COMPLAINT", "SBJ", 8, List.of("附近工厂晚上偷排废气，刺鼻难闻",
                    "化工厂烟囱冒黑烟", "工业园区有股怪味"), "晚上更严重", "担心影响健康"),
            m("河道污染", "REPORT", "SBJ", 8, List.of("河道里有人排放污水，水面发黑发臭",
                    "工厂往河里排废水", "河里出现大量死鱼"), "请尽快查处"),
            m("工业噪声", "COMPLAINT", "SBJ", 5, List.of("附近厂房机器24小时运转，噪声很大",
                    "工厂冷却塔噪音扰民"), "请环保部门检测"),
            m("企业欠薪", "HELP", "RSJ", 22, List.of("单位拖欠三个月工资不发，多次讨要无果",
                    "公司突然倒闭，老板拖欠员工工资", "离职后公司不结算最后一个月工资",
                    "公司不签劳动合同还克扣工资"), "有工资条和考勤记录", "希望劳动监察帮忙"),
            m("农民工工资", "HELP", "RSJ", 14, List.of("工地包工头拖欠农民工工资",
                    "干了半年活，项目完工了工钱还没结", "建筑公司拖欠一百多名工人的工资"), "快过年了", "急需这笔钱"),
            m("社保缴纳", "CONSULTATION", null, 30, List.of("咨询灵活就业人员社保怎么缴纳",
                    "咨询社保断缴了怎么补缴", "咨询个人社保缴费基数"), "想了解具体办法"),
            m("社保缴纳", "COMPLAINT", "SWJU", 10, List.of("灵活就业社保费扣款失败，税务系统显示欠费",
                    "单位代扣了社保费但税务没有缴费记录", "城乡居民医保缴费后系统里查不到"),
                    "担心影响待遇", "请税务部门核实"),
            m("养老金", "HELP", "RSJ", 14, List.of("养老金本月未按时到账", "退休后养老金核定金额偏低",
                    "失业保险金申领后一直没发放", "工伤认定申请提交后没有回音"), "请人社部门核查"),
            m("医保报销", "CONSULTATION", null, 30, List.of("咨询医保异地就医报销流程",
                    "咨询门诊慢特病怎么办理", "咨询医保个人账户能给家人用吗"), "想了解政策"),
            m("医保报销", "COMPLAINT", "YBJ", 10, List.of("住院费用医保报销比例不对，少报了很多",
                    "异地就医备案办了却不能直接结算", "定点药店刷医保卡强制搭售", "医保关系转移一直办不下来"),
                    "要求医保部门核查"),
            m("入学政策", "CONSULTATION", null, 35, List.of("咨询孩子小学入学需要准备哪些材料",
                    "咨询学区怎么划分", "咨询随迁子女入学条件"), "孩子明年上学"),
            m("入学政策", "COMPLAINT", "JYJ", 8, List.of("学区划分不合理，孩子要到很远的学校上学",
                    "校外培训机构收费后关门", "学校乱收资料费", "老师在校外有偿补课"), "请教育部门处理"),
            m("就医服务", "COMPLAINT", "WJW", 10, List.of("医院挂号难，排队三个小时",
                    "医生看病态度冷漠", "医院重复检查乱收费", "孩子打疫苗的社区卫生服务中心预约不上"),
                    "希望卫健部门管一管"),
            m("户口迁移", "CONSULTATION", null, 20, List.of("咨询户口迁入需要哪些手续", "咨询新生儿落户流程"),
                    "想了解具体材料"),
            m("身份证办理", "COMPLAINT", "GAJ", 6, List.of("身份证补办很久还没拿到", "户口迁移在派出所一直办不下来",
                    "居住证办理要求的材料太多"), "请公安部门协调"),
            m("低保", "CONSULTATION", "MZJ", 12, List.of("咨询低保申请条件和办理流程",
                    "家里老人八十岁了高龄津贴一直没领到", "养老院服务差，老人被怠慢"), "家庭困难"),
            m("办事指南", "CONSULTATION", null, 45, List.of("咨询营业执照网上办理流程",
                    "咨询公积金提取需要什么材料", "咨询不动产登记预约方式"), "想了解具体流程"),
            m("办理进度", "CONSULTATION", null, 20, List.of("查询之前反映问题的办理进度"), "着急等结果"),
            m("服务态度", "COMPLAINT", "SPJ", 8, List.of("政务大厅窗口工作人员态度恶劣",
                    "办事大厅让来回跑好几趟", "网上办事平台一直提交不上去"), "希望改进作风"),
            m("城市建设建议", "SUGGESTION", "ZRZYJ", 12, List.of("建议在新区增设一处社区公园",
                    "建议规划建设停车场", "房产证办了两年还没拿到", "村里有人违法占用耕地建房"),
                    "希望政府考虑"),
            m("表扬", "PRAISE", null, 10, List.of("表扬公交司机热心帮助老人上下车", "表扬社区工作人员耐心帮忙"),
                    "特此感谢"));

    private static final String[] OPENINGS = {"", "", "市民来电反映：", "来电人称，", "市民反映，", "网友留言：",
            "诉求人表示：", "来电反映", "市民投诉：", "群众反映："};
    private static final String[] ASKS = {"", "。", "，请相关部门尽快处理。", "，希望有关部门重视。", "，请帮忙协调解决。",
            "，要求尽快答复。", "，希望得到解决。"};

    private final int total = MATTERS.stream().mapToInt(Matter::weight).sum();

    /**
     * Which wordings a draw may use. The evaluation tunes the dispatch model on wordings it never trained on, as real
     * appeals will be: {@code TRAINING} leaves out one wording of every matter that has three or more, and
     * {@code VALIDATION} draws only those left-out wordings (so only from those matters).
     */
    public enum Split { ALL, TRAINING, VALIDATION }

    /** The next appeal of the year, drawn by the matters' weights. */
    Appeal next(Random random) {
        return next(random, Split.ALL);
    }

    /** The next appeal of the year from the wordings {@code split} allows. */
    public Appeal next(Random random, Split split) {
        List<Matter> matters = split == Split.VALIDATION
                ? MATTERS.stream().filter(mt -> mt.says().size() >= 3).toList() : MATTERS;
        int x = random.nextInt(split == Split.VALIDATION ? matters.stream().mapToInt(Matter::weight).sum() : total);
        Matter matter = matters.getLast();
        for (Matter mt : matters) {
            if (x < mt.weight()) {
                matter = mt;
                break;
            }
            x -= mt.weight();
        }
        // the same draws in the same order as before the split existed, so the demo year stays the same
        StringBuilder s = new StringBuilder(OPENINGS[random.nextInt(OPENINGS.length)]);
        int says = matter.says().size();
        int heldOut = says >= 3 ? MATTERS.indexOf(matter) % says : -1;
        int say = switch (split) {
            case ALL -> random.nextInt(says);
            case VALIDATION -> heldOut;
            case TRAINING -> heldOut < 0 ? random.nextInt(says) : (heldOut + 1 + random.nextInt(says - 1)) % says;
        };
        s.append(matter.says().get(say));
        if (!matter.details().isEmpty() && random.nextDouble() < 0.7) {
            s.append("，").append(matter.details().get(random.nextInt(matter.details().size())));
        }
        s.append(ASKS[random.nextInt(ASKS.length)]);
        String content = s.toString().replace("。，", "，").replaceAll("。$", "");
        return new Appeal(matter.category(), matter.type(), matter.unit(), content);
    }

    /** Share of the year's appeals that go to a unit (the rest are answered at once). */
    public static double dispatchedShare() {
        int all = MATTERS.stream().mapToInt(Matter::weight).sum();
        return (double) MATTERS.stream().filter(m -> m.unit() != null).mapToInt(Matter::weight).sum() / all;
    }
}
