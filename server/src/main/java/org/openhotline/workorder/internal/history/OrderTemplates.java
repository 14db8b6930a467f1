package org.openhotline.workorder.internal.history;

import java.util.List;

/**
 * What citizens ask the hotline, by category, with who handles it: a unit code of the city, {@code D:XXX} for the
 * order's district's unit XXX, {@code S} for the street office of the order's street, {@code null} for a question the
 * agent answers at once. Weights give the mix of a year (many consultations, noise and property complaints).
 */
final class OrderTemplates {

    record Template(String category, String type, String unit, int weight, String content) {}

    static final List<Template> ALL = List.of(
            new Template("施工噪音", "COMPLAINT", "D:CGJ", 60, "小区旁工地夜间施工噪音扰民，凌晨还在作业"),
            new Template("社会生活噪音", "COMPLAINT", "S", 35, "楼上住户每天深夜敲打地板，影响休息"),
            new Template("餐饮油烟", "COMPLAINT", "D:CGJ", 30, "楼下餐馆油烟直排，窗户都不敢开"),
            new Template("垃圾清运", "COMPLAINT", "S", 40, "小区垃圾多日无人清运，气味很大"),
            new Template("占道经营", "REPORT", "D:CGJ", 20, "路边摊贩占道经营，行人只能走机动车道"),
            new Template("物业收费", "COMPLAINT", "D:ZJJ", 30, "物业费上涨没有公示，业主不认可"),
            new Template("电梯维修", "HELP", "D:ZJJ", 35, "小区电梯经常困人，物业一直不维修"),
            new Template("小区停车", "COMPLAINT", "D:ZJJ", 20, "小区车位被外来车辆长期占用"),
            new Template("道路破损", "REPORT", "CGJ", 25, "道路坑洼积水，电动车经过容易摔倒"),
            new Template("路灯故障", "REPORT", "CGJ", 25, "路灯不亮已经一个星期，夜里出行不安全"),
            new Template("井盖缺失", "REPORT", "CGJ", 10, "人行道井盖缺失，晚上有人差点掉下去"),
            new Template("停水", "HELP", "SWJT", 30, "家里停水一整天了，没有任何通知"),
            new Template("停电", "HELP", "GDJ", 20, "小区突然停电，冰箱里的东西都坏了"),
            new Template("燃气收费", "COMPLAINT", "RQJT", 10, "燃气费账单异常，比上月高出一倍"),
            new Template("网络信号", "COMPLAINT", "DXJZ", 10, "家里手机信号很差，经常打不通电话"),
            new Template("公交服务", "COMPLAINT", "JTJ", 20, "公交车到站不停，等车半小时"),
            new Template("绕路", "COMPLAINT", "JTJ", 10, "出租车司机绕路多收费"),
            new Template("违法停车", "REPORT", "JJZD", 25, "小区门口长期有车辆违停，堵住消防通道"),
            new Template("交通信号灯", "REPORT", "JJZD", 10, "路口红绿灯坏了，早晚高峰很危险"),
            new Template("网络购物", "COMPLAINT", "D:SCJ", 20, "网购电器有质量问题，商家拒绝退货"),
            new Template("预付卡退费", "COMPLAINT", "D:SCJ", 15, "预付卡商家跑路，余额无法退还"),
            new Template("餐饮卫生", "REPORT", "D:SCJ", 10, "餐馆后厨卫生条件差，吃完腹泻"),
            new Template("扬尘污染", "COMPLAINT", "SBJ", 10, "工地扬尘严重，没有覆盖也不洒水"),
            new Template("河道污染", "REPORT", "SBJ", 8, "河道里有人排放污水，水面发黑发臭"),
            new Template("企业欠薪", "HELP", "RSJ", 25, "单位拖欠三个月工资不发，多次讨要无果"),
            new Template("农民工工资", "HELP", "RSJ", 15, "工地包工头拖欠农民工工资"),
            new Template("社保缴纳", "CONSULTATION", null, 40, "咨询灵活就业人员社保怎么缴纳"),
            new Template("养老金", "CONSULTATION", "RSJ", 15, "养老金本月未按时到账"),
            new Template("入学政策", "CONSULTATION", null, 45, "咨询孩子小学入学需要准备哪些材料"),
            new Template("医保报销", "CONSULTATION", null, 40, "咨询医保异地就医报销流程"),
            new Template("就医服务", "COMPLAINT", "WJW", 10, "医院挂号难，排队三个小时"),
            new Template("户口迁移", "CONSULTATION", null, 25, "咨询户口迁入需要哪些手续"),
            new Template("低保", "CONSULTATION", "MZJ", 15, "咨询低保申请条件和办理流程"),
            new Template("办事指南", "CONSULTATION", null, 60, "咨询营业执照网上办理流程"),
            new Template("办理进度", "CONSULTATION", null, 30, "查询之前反映问题的办理进度"),
            new Template("服务态度", "COMPLAINT", "SPJ", 8, "政务大厅窗口工作人员态度恶劣"),
            new Template("城市建设建议", "SUGGESTION", "ZRZYJ", 15, "建议在新区增设一处社区公园"),
            new Template("表扬", "PRAISE", null, 12, "表扬公交司机热心帮助老人上下车"));

    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"};
    static final String[] ROADS = {"人民路", "解放路", "建设路", "和平街", "文昌路", "滨江路", "翠屏路", "港口路", "龙泉大道", "青溪街"};

    private OrderTemplates() {}
}
