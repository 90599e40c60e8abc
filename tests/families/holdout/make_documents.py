#!/usr/bin/env python
"""Build the HOLDOUT family documents into ``tests/families/holdout/documents/``.

    .venv/bin/python tests/families/holdout/make_documents.py

Same families and formats as the dev set, other companies and wording. This set is scored only in
aggregate (``jdx eval tests/families/holdout/gold``): do not read it while writing extraction rules,
or it stops measuring how the rules generalise.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from writers import (  # noqa: E402
    CENTER,
    HEADING_FONT,
    DocumentSet,
    PdfLayout,
    grid_table,
    new_docx,
    para,
    row_of,
    run,
    save_docx,
    section_row,
)

DOCUMENTS = DocumentSet(Path(__file__).resolve().parent / "documents")
document, text_document, build_all = DOCUMENTS.document, DOCUMENTS.text_document, DOCUMENTS.build_all


text_document("h-md-01-go-backend.md", """\
---
title: Go 后端开发工程师
location: 北京
summary: 游戏服务端开发，负责高并发后台服务。
---

北京乐游互娱科技有限公司成立于2016年，专注休闲竞技类手游的研发与发行。

## 岗位：Go 后端开发工程师（高级）

**工作职责**

1. 负责游戏服务端核心模块（匹配、排行榜、支付回调）的设计与开发；
2. 优化服务性能，支撑百万级日活用户的稳定运行；
3. 参与线上故障排查，编写故障复盘报告；
4. 与客户端、策划协作完成版本迭代。

**任职资格：**

1. 本科及以上学历，计算机、通信等相关专业；
2. 4 年以上后端开发经验，其中 2 年以上 Go 语言经验；
3. 熟悉 Redis、MySQL、gRPC，了解 Kubernetes；
4. 具备良好的沟通能力和责任心。

**优先考虑：**

- 有游戏服务端开发经验
- 参与过开源项目

**薪资：** 20K - 35K · 16薪

**福利：** 六险一金、免费三餐、年度调薪、团建旅游

**工作地点：** 北京、成都

欢迎投递：hr@leyou-game.com
""")

text_document("h-md-02-two-roles.md", """\
# 我们正在招聘

### 职位：UI 设计师（2人）

**Responsibilities / 岗位职责**

- 负责 App 与 Web 端的界面视觉设计，输出高保真设计稿
- 建立并维护设计组件库，保证视觉风格统一
- 配合开发进行设计走查

**Requirements / 任职要求**

- 本科及以上学历，视觉传达、数字媒体艺术等相关专业
- 2 年以上互联网 UI 设计经验，请附作品集
- 熟练使用 Figma、Sketch

**加分：**

- 有动效设计能力
- 有 SaaS 产品设计经验者优先

**薪资：** 10K - 16K

**工作地点：** 深圳

### 职位：产品经理（1人）

**Responsibilities / 岗位职责**

- 负责企业协同产品的需求调研与规划，撰写产品需求文档
- 跟进研发进度，组织验收并推动上线
- 分析产品数据，持续优化用户体验

**Requirements / 任职要求**

- 本科学历，专业不限
- 3 年以上 B 端产品经验
- 逻辑清晰，具备良好的文档能力

**薪资：** 面议

**工作地点：** 深圳
""")


@document("h-leaflet-01-restaurant.docx")
def build_restaurant_leaflet(path: Path) -> None:
    doc = new_docx("招聘")
    para(doc, "味香阁餐饮招聘", bold=True, size=18, font=HEADING_FONT, align=CENTER)
    para(doc, "味香阁是一家经营湘菜的连锁餐厅，现因新店开业，急聘以下人员：")
    roles = [
        ("服务员 6人 男女不限 18-35岁 3800-4800元/月",
         "要求：身体健康，能吃苦耐劳；有餐厅服务经验者优先。",
         "职责：负责餐前摆台、点菜下单；为顾客提供用餐服务；负责餐后收台及区域卫生。"),
        ("收银员 2人 女 20-35岁 4000-4500元/月",
         "要求：高中及以上学历；熟练使用收银系统，账目清楚。",
         "职责：负责顾客结账、开具发票；每日核对营业款并填写收银日报。"),
        ("传菜员 3人 男 18-40岁 3600-4200元/月",
         "要求：手脚麻利，服从安排。",
         "职责：按出菜顺序准确传菜；协助服务员收撤餐具。"),
    ]
    for header, requirement, duty in roles:
        para(doc, header, bold=True, size=12)
        para(doc, requirement)
        para(doc, duty)
        para(doc)
    para(doc, "福利：包吃住、月休4天、满一年带薪年假")
    para(doc, "面试地点：长沙市开福区湘江中路二段36号味香阁（万达店）　电话：0731-8456 2210")
    save_docx(doc, path)


text_document("h-html-01-biotech.html", """\
<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>招贤纳士 - 康源生物</title></head>
<body>
<div class="header"><a href="/">首页</a> <a href="/pipeline">研发管线</a> <a href="/careers">招贤纳士</a></div>
<div class="about"><p>苏州康源生物医药有限公司成立于2018年，致力于抗体药物的研发与产业化，已有三个品种进入临床阶段。</p></div>
<h3><strong>细胞培养工艺工程师</strong></h3>
<table border="1">
<tr><th>工作地点</th><td>苏州</td><th>招聘人数</th><td>2人</td></tr>
<tr><th>工作性质</th><td>全职</td><th>薪资</th><td>12000 - 18000元/月</td></tr>
</table>
<p><strong>岗位职责：</strong></p>
<ol>
<li>1、负责细胞培养工艺的开发与优化；</li>
<li>2、撰写工艺开发报告及技术转移文件；</li>
<li>3、配合完成中试放大及GMP生产批次。</li>
</ol>
<p><strong>任职要求：</strong></p>
<ol>
<li>1、硕士及以上学历，生物工程、细胞生物学等相关专业；</li>
<li>2、两年以上哺乳动物细胞培养经验；</li>
<li>3、有生物反应器操作经验者优先。</li>
</ol>
<h3><strong>QA专员</strong></h3>
<table border="1">
<tr><th>工作地点</th><td>苏州</td><th>招聘人数</th><td>1人</td></tr>
<tr><th>工作性质</th><td>全职</td><th>薪资</th><td>8000-12000元/月</td></tr>
</table>
<p><strong>岗位职责：</strong></p>
<ol>
<li>1、负责生产批记录的审核与放行准备；</li>
<li>2、参与偏差、变更及CAPA的调查与跟踪；</li>
<li>3、组织GMP相关培训。</li>
</ol>
<p><strong>任职要求：</strong></p>
<ol>
<li>1、本科及以上学历，药学、生物技术相关专业；</li>
<li>2、一年以上制药企业QA工作经验；</li>
<li>3、熟悉GMP法规。</li>
</ol>
<p>简历请投递至：hr@kangyuan-bio.cn</p>
</body>
</html>
""")

text_document("h-dump-01-lines.txt", "\n".join([
    "职位：电气工程师｜地点：常州｜薪资：8000-12000元/月｜岗位职责：1、负责设备电气图纸设计；2、编写PLC程序并现场调试；"
    "3、处理设备电气故障。任职要求：1、本科及以上学历，电气自动化相关专业；2、三年以上非标设备电气设计经验；3、有西门子PLC项目经验者优先。",
    "【酒店销售经理】工作地点：三亚 薪资：底薪6000元/月+提成 工作内容：1.开发会议及团队客户 2.维护旅行社及企业客户关系 "
    "3.完成月度销售指标 任职要求：1.大专以上学历 2.两年以上酒店销售经验 3.普通话标准，会英语者优先",
    "招聘岗位：物业客服 工作地点：合肥 薪资待遇：3500 - 4500 元/月 岗位职责：（1）受理业主报修与投诉（2）办理入住及装修手续"
    "（3）催缴物业费 任职要求：（1）中专及以上学历（2）年龄22-35岁（3）有物业客服经验优先",
]) + "\n", newline="\r\n")


@document("h-prose-01-finance.docx")
def build_finance_prose(path: Path) -> None:
    doc = new_docx("财务岗位说明")
    para(doc, "远航船舶配件有限公司财务岗位说明", bold=True, size=15, font=HEADING_FONT, align=CENTER)
    p = doc.add_paragraph()
    run(p, "财务经理：", bold=True)
    run(p, "本岗位名称为财务经理，隶属于财务部，直接上级为总经理，直接下级为会计、出纳。主要职责包括：主持财务部全面工作，"
           "组织编制年度财务预算；审核公司各项费用支出和资金计划；负责税务筹划及与银行、税务机关的沟通；定期向总经理提交财务分析报告。"
           "任职者应具备财务管理或会计学专业本科及以上学历，中级会计师及以上职称，六年以上财务工作经验。")
    p = doc.add_paragraph()
    run(p, "会计：", bold=True)
    run(p, "会计岗位隶属于财务部，直接上级为财务经理。主要负责：审核原始凭证并编制记账凭证；登记总账及明细账；"
           "编制月度、年度会计报表；办理增值税纳税申报。任职者应具有大专以上学历，会计相关专业，两年以上会计工作经验，年龄在23至40岁之间。")
    save_docx(doc, path)


HOLDOUT_CARDS = [
    {
        "number": "GD-JD-011", "date": "2022年11月3日",
        "title": "采矿车间主任", "code": "CK-01", "department": "采矿车间", "headcount": "1人",
        "reports_to": "生产副矿长", "direct_reports": "采矿班长、爆破员",
        "duties": ["组织编制采矿作业计划并监督实施", "负责车间设备、材料的合理调配", "组织车间技术人员解决采矿生产中的技术问题",
                   "负责车间人员的考勤、考核与培训"],
        "safety": ["对本车间的安全生产负全面责任", "组织开展每班安全确认和隐患排查",
                   "严格执行爆破作业审批制度，监督爆破安全距离的落实", "组织车间事故应急演练"],
        "authorities": ["对车间生产安排有指挥权", "对违章作业有停工权", "对车间员工奖惩有建议权"],
        "quals": [("学历", "大专及以上", "专业", "采矿工程相关专业"),
                  ("工作经验", "5年以上矿山生产管理经验", "年龄", "30-50岁")],
        "kpis": [("采矿量计划完成率", "35%", "≥100%"), ("贫化率", "25%", "≤8%"), ("伤亡事故", "40%", "0起")],
        "incumbent": "张立军", "signed": "2022年11月5日",
    },
    {
        "number": "GD-JD-012", "date": "2022年11月3日",
        "title": "爆破员", "code": "CK-04", "department": "采矿车间", "headcount": "4人",
        "reports_to": "采矿班长", "direct_reports": "无",
        "duties": ["按爆破设计进行装药、连线和起爆作业", "做好爆破器材的领取、清退登记", "爆破后检查工作面，处理盲炮"],
        "safety": ["持证上岗，严格遵守爆破安全规程", "爆破前清点人员并设置警戒", "发现爆破器材丢失立即报告"],
        "authorities": ["对不符合安全条件的爆破作业有拒绝权"],
        "quals": [("学历", "高中及以上", "专业", "不限"),
                  ("工作经验", "2年以上井下作业经验", "年龄", "22-45岁")],
        "kpis": [("爆破合格率", "50%", "≥98%"), ("爆破器材账物相符率", "50%", "100%")],
        "incumbent": "", "signed": "",
    },
]


@document("h-cards-01-mine.docx")
def build_mine_cards(path: Path) -> None:
    doc = new_docx("岗位说明书")
    para(doc, "国鼎矿业有限公司岗位说明书", bold=True, size=16, font=HEADING_FONT, align=CENTER)
    for n, card in enumerate(HOLDOUT_CARDS):
        if n:
            doc.add_page_break()
        table = grid_table(doc, 4, [3.0, 5.0, 3.0, 5.0])
        row_of(table, ["编号", card["number"], "填报日期", card["date"]], bold_cols=(0, 2))
        row_of(table, ["岗位名称", card["title"], "岗位编号", card["code"]], bold_cols=(0, 2))
        row_of(table, ["所属部门", card["department"], "定员", card["headcount"]], bold_cols=(0, 2))
        row_of(table, ["直接上级", card["reports_to"], "直接下级", card["direct_reports"]], bold_cols=(0, 2))
        section_row(table, "主要职责")
        for i, duty in enumerate(card["duties"], start=1):
            row_of(table, [str(i), duty, None, None])
        section_row(table, "安全职责")
        for i, duty in enumerate(card["safety"], start=1):
            row_of(table, [str(i), duty, None, None])
        section_row(table, "工作权限")
        row_of(table, [[f"{i}. {a}" for i, a in enumerate(card["authorities"], start=1)], None, None, None])
        section_row(table, "任职条件")
        for quad in card["quals"]:
            row_of(table, list(quad), bold_cols=(0, 2))
        section_row(table, "考核指标")
        row_of(table, ["指标", None, "权重", "目标"], bold_cols=(0, 2, 3))
        for name, weight, target in card["kpis"]:
            row_of(table, [name, None, weight, target])
        row_of(table, ["任职者", card["incumbent"], "签字", ""], bold_cols=(0, 2))
        row_of(table, ["审核人", "", "日期", card["signed"]], bold_cols=(0, 2))
    save_docx(doc, path)


text_document("h-form-01-gbk.txt", """\
东升机械制造有限公司
岗位说明书
岗位名称：数控车工            所属部门：机加工车间
直接上级：车间主任            岗位定员：8人

一、工作职责
1．按图纸和工艺卡加工零件 - 首件自检合格后报检
2．每班开机前检查机床油位、气压及安全防护装置
3．填写生产记录和设备点检表
4．保持作业区域 6S 整洁

二、任职条件
文化程度：技校及以上，机械加工相关专业，年龄在20－40岁之间
工作年限：二年以上
性　　别：不限（男性佳）
证　　书：数控车工中级证书
""", encoding="gbk", newline="\r\n")

text_document("h-trad-01-big5.txt", """\
職位說明書

公司名稱：長榮旅行社股份有限公司
職位名稱：領隊
所屬部門：團體旅遊部
直屬主管：團體旅遊部經理

工作內容：
一、帶領旅行團出國，執行行程安排及導覽解說。
二、處理團員於旅途中之突發狀況。
三、行程結束後繳交帶團報告及帳目。

任用條件：
學歷：大專以上
經歷：帶團經驗二年以上
其他：須持有外語領隊執照；具日語能力者優先
待遇：月薪 35,000 元起，另有出團津貼
""", encoding="big5", newline="\r\n")

text_document("h-regulation-01-training.txt", """\
员工培训管理办法

第一条　为提高员工的业务素质和工作技能，规范公司培训管理，特制定本办法。
第二条　本办法适用于公司全体员工。
第三条　人力资源部是培训工作的归口管理部门，主要职责如下：
（一）制订年度培训计划并组织实施；
（二）建立员工培训档案；
（三）评估培训效果。
第四条　各部门负责人负责本部门员工的岗位技能培训。
第五条　新员工入职须参加不少于 8 学时的入职培训，考试合格后方可上岗。
第六条　外派培训费用超过 5000 元的，员工须与公司签订培训服务协议。
第七条　本办法自 2023 年 1 月 1 日起施行。
""")

text_document("h-notes-01-interviews.md", """\
# 面试记录汇总（3 月第 2 周）

| 候选人 | 应聘岗位 | 面试官 | 结论 |
|---|---|---|---|
| 候选人A | 销售代表 | 赵敏 | 通过，待谈薪 |
| 候选人B | 测试工程师 | 陈刚 | 不通过（自动化经验不足） |
| 候选人C | 行政助理 | 孙丽 | 备选 |

## 备注
- 下周二前反馈结果给候选人
- 测试工程师岗位继续在招聘网站发布，要求可适当放宽
""")


@document("h-cards-02-gas.pdf")
def build_gas_cards_pdf(path: Path) -> None:
    pdf = PdfLayout(header="西城燃气有限公司　运行部岗位职责　2023版")
    pdf.paragraph("运行部岗位职责", size=18, center=True)
    cards = [
        ("第一条　调压站站长", "运行部经理",
         ["负责调压站的运行管理，组织值班人员按规程进行巡检和设备操作，确保出站压力稳定。",
          "编制调压站设备维护保养计划，并督促落实。",
          "负责站内运行记录、报表的审核与上报。"],
         ["对调压站的安全运行负直接责任。",
          "组织站内人员每月进行一次应急演练，熟练掌握燃气泄漏、火灾等事故的处置程序，演练后填写评估记录。",
          "检查站内消防设施和可燃气体报警器的完好情况。"],
         "大专及以上学历，燃气工程相关专业，五年以上燃气场站运行经验。"),
        ("第二条　调压工", "调压站站长",
         ["按规定时间巡检调压设备，记录进出口压力、温度等运行参数。",
          "发现设备异常及时处理并报告站长。"],
         ["严格执行操作票制度，不得违章操作。",
          "正确佩戴和使用劳动防护用品。"],
         "中专及以上学历，一年以上燃气行业工作经验，持有燃气从业人员证书。"),
    ]
    for heading, boss, duties, safety, quals in cards:
        pdf.paragraph(heading, size=13, space_before=10)
        pdf.paragraph(f"直接上级：{boss}", size=12)
        pdf.paragraph("（一）岗位职责", size=12)
        for i, duty in enumerate(duties, start=1):
            pdf.paragraph(f"{i}、{duty}", size=12)
        pdf.paragraph("（二）安全职责", size=12)
        for i, duty in enumerate(safety, start=1):
            pdf.paragraph(f"{i}、{duty}", size=12)
        pdf.paragraph("（三）任职条件", size=12)
        pdf.paragraph(quals, size=12)
    path.write_bytes(pdf.bytes())


text_document("h-roster-01.tsv", "\n".join([
    "岗位名称\t所属部门\t人数\t岗位职责\t任职要求",
    "前台\t行政部\t1\t1、负责来访接待及电话转接；2、管理会议室预订；3、收发快递信件。\t大专及以上学历；形象气质佳；有前台工作经验者优先。",
    "销售助理\t销售部\t2\t1、整理客户资料；2、制作报价单和合同；3、跟进订单发货。\t大专及以上学历；1年以上销售助理经验；熟练使用Excel。",
    "机修工\t设备部\t2\t1、负责生产设备的维修保养；2、填写维修记录；3、管理备品备件。\t中专及以上学历，机电相关专业；3年以上设备维修经验；持电工证。",
]) + "\n")


if __name__ == "__main__":
    sys.exit(DOCUMENTS.main())
