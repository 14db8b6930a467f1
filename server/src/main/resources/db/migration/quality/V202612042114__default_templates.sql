-- The templates a new installation starts with (the QC lead edits them into new versions): one for calls, one for
-- work orders (工单填写准确率, 一次派单准确率 come from the latter's items).
insert into qc_template (name, kind, current_version, created_by, updated_at) values
    ('热线通话质检模板', 'CALL', 1, 'system', now()),
    ('工单质检模板', 'ORDER', 1, 'system', now());

insert into qc_template_version (template_id, number, items, total_points, created_by, created_at)
select id, 1, cast('[
  {"key":"greeting","group":"服务规范","name":"开头语、结束语规范","points":10,"fatal":false,
   "deductions":[{"label":"未使用规范开头语（您好，12345…）","points":5},{"label":"未使用规范结束语","points":5}]},
  {"key":"attitude","group":"服务规范","name":"服务态度与语气","points":15,"fatal":false,
   "deductions":[{"label":"语气生硬、不耐烦","points":5},{"label":"打断市民讲话","points":5},{"label":"长时间静音未说明","points":5}]},
  {"key":"language","group":"服务规范","name":"普通话与文明用语","points":10,"fatal":false,
   "deductions":[{"label":"口头禅、方言","points":3},{"label":"未使用礼貌用语","points":5}]},
  {"key":"listening","group":"业务能力","name":"倾听与诉求确认","points":15,"fatal":false,
   "deductions":[{"label":"未复述确认诉求","points":5},{"label":"诉求要素遗漏（时间、地点、事件）","points":10}]},
  {"key":"answer","group":"业务能力","name":"答复准确（知识库使用）","points":20,"fatal":false,
   "deductions":[{"label":"答复不完整","points":5},{"label":"答复错误","points":15}]},
  {"key":"handling","group":"业务能力","name":"处置方式正确（直办/转办/派单）","points":10,"fatal":false,
   "deductions":[{"label":"应直接答复却派单","points":5},{"label":"应派单却未派单","points":10}]},
  {"key":"order","group":"工单质量","name":"工单记录准确完整","points":20,"fatal":false,
   "deductions":[{"label":"诉求记录与通话不一致","points":10},{"label":"地址、联系方式错误或缺失","points":5},{"label":"分类错误","points":5}]},
  {"key":"rude","group":"一票否决","name":"辱骂、顶撞市民或泄露市民信息","points":0,"fatal":true,"deductions":[]}
]' as jsonb), 100, 'system', now()
  from qc_template where kind = 'CALL';

insert into qc_template_version (template_id, number, items, total_points, created_by, created_at)
select id, 1, cast('[
  {"key":"content","group":"工单质量","name":"诉求内容记录准确（工单填写准确率）","points":40,"fatal":false,
   "deductions":[{"label":"要素缺失","points":10},{"label":"与来电内容不符","points":20}]},
  {"key":"category","group":"工单质量","name":"分类与紧急程度正确","points":20,"fatal":false,
   "deductions":[{"label":"分类错误","points":10},{"label":"紧急程度错误","points":10}]},
  {"key":"dispatch","group":"派单","name":"一次派单准确（一次派单准确率）","points":40,"fatal":false,
   "deductions":[{"label":"派错承办单位被退回","points":40},{"label":"协办单位遗漏","points":10}]},
  {"key":"privacy","group":"一票否决","name":"公开了保密工单的市民信息","points":0,"fatal":true,"deductions":[]}
]' as jsonb), 100, 'system', now()
  from qc_template where kind = 'ORDER';
