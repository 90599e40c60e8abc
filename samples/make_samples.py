#!/usr/bin/env python
"""Write the bundled sample job descriptions (岗位说明书) into ``samples/documents/``.

Rerun by hand after editing a role text::

    .venv/bin/python samples/make_samples.py

The role texts below are data; the functions at the bottom render them into the six
formats the pipeline reads (form-table DOCX, auto-numbered DOCX, PDF printed from Word,
GBK text, Big5 text, UTF-8 compilation). Output is deterministic: DOCX core properties
and ZIP member dates are fixed, and the PDF's creation date and /ID are overwritten with
fixed values of the same length. The PDF needs LibreOffice (``soffice``) on PATH; the
intermediate DOCX for it is written to a temporary directory, not to ``samples/``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent / "documents"
FIXED_DATE = dt.datetime(2023, 3, 1, 9, 0, 0)
ZIP_DATE = (2023, 3, 1, 9, 0, 0)
PDF_DATE_DIGITS = b"20230301090000"
BODY_FONT = "宋体"
HEADING_FONT = "黑体"
FW = "\u3000"  # full-width space

# ---------------------------------------------------------------------------------------
# 1. Form-table DOCX: 仓储主管 (manufacturing, 物流部)
# ---------------------------------------------------------------------------------------

WAREHOUSE = {
    "company": "江苏恒润精密机械有限公司",
    "doc_no": "文件编号：HR-JD-WL-012" + FW * 2 + "版本：A/1" + FW * 2 + "生效日期：2023年3月1日",
    "basic": [
        ("岗位名称", "仓储主管", "岗位编号", "WL-ZG-01"),
        ("所属部门", "物流部", "岗位等级", "主管级（M1）"),
        ("定员人数", "1人", "岗位类别", "管理类"),
    ],
    "reporting": [
        ("直接上级", "物流部经理", "直接下级", "仓管员、叉车司机、物料配送员"),
        ("可晋升岗位", "物流部副经理", "可轮换岗位", "生产计划主管"),
    ],
    "purpose": (
        "在物流部经理的领导下，负责公司原材料、外购件、半成品及成品仓库的日常管理，"
        "组织物料的收、发、存、盘工作，确保账、卡、物一致，保障生产用料及时供应和成品按时发运，"
        "控制库存资金占用和仓储费用。"
    ),
    "duties": [
        ("入库管理", [
            ("根据采购订单和送货单组织原材料、外购件的到货验收，核对品名、规格、数量，"
             "协调质量部进行来料检验。", "每日"),
            ("督促仓管员在ERP系统中及时办理入库过账，确保单据与实物同步，做到当日单据当日清。", "每日"),
            ("对检验不合格或超订单数量的来料进行隔离标识，并跟进采购部办理退换货。", "工作需要时"),
        ]),
        ("库存管理", [
            ("制定并执行物料分区、定位、标识管理规范，按先进先出原则组织物料存放。", "每周"),
            ("组织月度盘点和年度全面盘点，分析盘点差异原因并提出处理意见。", "每月"),
            ("统计呆滞物料和超期库存，提交处理建议，配合计划部降低库存资金占用。", "每月"),
        ]),
        ("出库与配送", [
            ("依据生产领料单和配送计划组织备料、发料，保证生产线物料按时配送上线。", "每日"),
            ("审核成品发货通知单，组织拣货、复核、装车，确保发货数量准确、包装完好。", "每日"),
        ]),
        ("团队与安全", [
            ("负责仓库人员的排班、培训和绩效考核，指导叉车司机规范作业。", "每月"),
            ("落实仓库消防、防潮、防盗及6S管理要求，组织安全巡查并跟踪隐患整改。", "每周"),
        ]),
    ],
    "authorities": [
        "1．对不符合入库手续的物料有拒收权；",
        "2．对无审批手续或单据不全的领料有拒发权；",
        "3．对仓库人员的工作安排和调配有决定权，对其考核、奖惩有建议权；",
        "4．对仓库设施设备的购置和维修有申请权；",
        "5．对呆滞物料的处理方式有建议权。",
    ],
    "contacts": [
        ("内部协调", "生产部、采购部、质量部、计划部、财务部、销售部"),
        ("外部协调", "供应商送货人员、第三方物流公司、消防及安监部门"),
    ],
    "qual_pairs": [
        ("学历", "大专及以上学历", "专业", "物流管理、工业工程、机械类相关专业"),
        ("年龄", "25—40周岁", "性别", "不限"),
    ],
    "qual_lines": [
        ("工作经验", "3年以上制造企业仓储管理工作经验，其中1年以上班组管理经验"),
        ("专业知识", "熟悉仓储管理、物料编码及库存控制知识；了解ERP（SAP或用友U8）物料管理模块；了解消防安全常识"),
        ("技能要求", "熟练使用ERP系统及Excel进行数据统计分析；具备较强的组织协调和现场管理能力"),
        ("素质要求", "责任心强，原则性强，细致严谨，吃苦耐劳，服从工作安排"),
        ("证书", "持有叉车操作证（特种设备作业人员证N1）者优先"),
    ],
    "kpi_heading": "考核指标：",  # trailing colon: real-world mess
    "kpis": [
        ("库存账实相符率", "25%", "≥99.5%"),
        ("物料收发及时率", "20%", "≥98%"),
        ("发货差错率", "15%", "≤0.1%"),
        ("呆滞库存占比", "15%", "≤3%"),
        ("安全与6S检查得分", "15%", "≥90分"),
        ("仓储费用预算控制", "10%", "不超过年度预算"),
    ],
    "signoff": "编制部门：人力资源部" + FW * 3 + "审核：" + FW * 4 + "批准：" + FW * 4 + "日期：2023年3月1日",
}

# ---------------------------------------------------------------------------------------
# 2. Auto-numbered DOCX: 质量检验员 (auto parts, 质量部)
# ---------------------------------------------------------------------------------------
# Every label (一、 1. （1） ●) comes from numbering.xml; none is typed into the text.

QA_INSPECTOR = {
    "company": "浙江华拓汽车零部件有限公司",
    "title": "质量检验员岗位说明书",
    "fields": [
        "岗位名称：质量检验员" + FW * 2 + "岗位编号：QA-003",
        "所属部门：质量部" + FW * 4 + "岗位等级：T2",
        "直接上级：质量主管",
        "直接下级：无",
        "定员人数：6人",
    ],
    # (heading, body) — body items: ("p", text) plain paragraph, ("duty", text, [subitems]),
    # ("bullet", text), ("equip", text)
    "sections": [
        ("岗位目的", [
            ("p", "依据产品图纸、检验规范和控制计划，对来料、制程及成品实施检验和试验，及时发现并隔离不合格品，"
                  "防止不合格品流入下道工序或交付客户，保证产品质量符合IATF 16949体系和客户要求。"),
        ]),
        ("岗位职责：", [  # trailing colon: real-world mess
            ("duty", "依据来料检验规范，对原材料、外协件进行抽样检验，填写来料检验记录并判定是否合格。", []),
            ("duty", "执行制程首件、巡检和末件检验：", [
                "每班开机、换型、换模后进行首件检验，首件确认合格后方可批量生产；",
                "按控制计划规定的频次进行巡回检验，重点检查关键尺寸和特殊特性；",
                "每班生产结束时进行末件检验，并与首件进行比对。",
            ]),
            ("duty", "对成品进行出货检验，核对标签、数量和包装方式，签发出货检验报告。", []),
            ("duty", "发现质量异常时立即标识、隔离可疑产品，开具不合格品通知单并报告质量主管。", []),
            ("duty", "参与不合格品评审和质量问题分析：", [
                "收集不良品数据，协助质量工程师开展8D分析；",
                "跟踪纠正措施的落实情况，验证整改效果。",
            ]),
            ("duty", "正确使用和维护检测器具，发现量具异常及时送检，配合完成量具周期校准和MSA分析。", []),
            ("duty", "按规定整理、保存检验记录和质量数据，每班汇总填报检验日报。", []),
            ("duty", "参与质量体系内审、客户审核及过程审核，按要求提供检验记录。", []),
            ("duty", "完成上级交办的其他工作。", []),
        ]),
        ("岗位权限", [
            ("bullet", "对检验不合格的来料、在制品和成品有判定权和拒收权；"),
            ("bullet", "对违反作业指导书操作造成批量不良的情况，有权要求停线并立即报告；"),
            ("bullet", "对不合格品的处置方式有建议权；"),
            ("bullet", "对生产现场质量记录的填写有检查权。"),
        ]),
        ("工作关系", [
            ("p", "内部协调：生产部、工艺技术部、采购部、仓储物流部"),
            ("p", "外部协调：供应商质量人员、客户驻厂质量代表、第三方检测机构"),
        ]),
        ("任职资格", [
            ("p", "学历：大专及以上，机械制造、材料成型、质量管理等相关专业"),
            ("p", "年龄：22—35周岁"),
            ("p", "性别：不限"),
            ("p", "工作经验：两年以上机械加工或汽车零部件行业检验工作经验"),
            ("p", "专业知识：熟悉机械制图和形位公差，了解IATF 16949质量管理体系及五大工具（APQP、PPAP、FMEA、MSA、SPC）"),
            ("p", "技能要求：能熟练使用游标卡尺、千分尺、高度规、三坐标测量仪等检测器具；会用Excel制作统计报表"),
            ("p", "素质要求：工作认真细致，坚持原则，有团队协作精神，能适应倒班"),
            ("p", "证书：持有质量检验员上岗证或IATF 16949内审员证书者优先"),
        ]),
        ("使用设备", [
            ("equip", "三坐标测量仪"),
            ("equip", "影像测量仪、表面粗糙度仪"),
            ("equip", "游标卡尺、千分尺、塞规、环规等通用量具"),
        ]),
        ("工作环境", [
            ("p", "生产车间及检验室，实行两班倒，部分区域存在噪音和油雾。"),
        ]),
    ],
}

# ---------------------------------------------------------------------------------------
# 3. PDF printed from Word: 销售区域经理 (FMCG, 销售中心)
# ---------------------------------------------------------------------------------------

SALES_MANAGER = {
    "company": "广东美嘉日化股份有限公司",
    "title": "销售区域经理岗位说明书",
    "fields": [
        "岗位名称：销售区域经理" + FW * 2 + "岗位编号：XS-QY-02",
        "所属部门：销售中心" + FW * 4 + "岗位等级：M3",
        "直接上级：大区销售总监",
        "直接下级：城市经理、KA主管、销售代表",
        "下属人数：直接下属4人，间接下属18人",
    ],
    "sections": [
        ("一、岗位目的", [
            "在大区销售总监的领导下，全面负责所辖区域的销售管理工作，通过经销商和零售终端网络的建设与管理，"
            "完成公司下达的销售额、回款和市场费用控制目标，提升公司产品在区域内的市场占有率。",
        ]),
        ("二、岗位职责", [
            "1、根据公司年度销售目标和大区销售策略，制定所辖区域的年度、季度和月度销售计划，将销售任务分解到城市、"
            "渠道和个人，定期跟踪目标达成进度，并根据市场变化及时调整销售策略。",
            "2、负责区域内经销商的开发、评估与管理，审核新经销商的资信情况，签订年度经销协议，督促经销商按计划进货、"
            "按期回款，协调解决经销商经营中出现的问题。",
            "3、负责区域内重点零售客户（KA卖场、连锁超市、便利店系统）的谈判与维护，参与年度合同及进场条件谈判，"
            "推动新品进场和重点陈列位置的获取。",
            "4、制定并组织实施区域促销活动方案，合理使用市场费用，对促销活动的执行效果和费用投入产出进行评估，"
            "确保费用使用真实、有效。",
            "5、监控区域内产品价格体系和窜货情况，发现违规价格或跨区窜货行为及时取证，并按公司规定进行处理，"
            "维护区域市场秩序。",
            "6、负责区域应收账款的管理，严格执行公司信用政策，督促经销商按期回款，对超期账款进行催收并提出处理意见，"
            "控制坏账风险。",
            "7、收集分析区域市场信息、竞争对手动态和消费者需求变化，每月提交区域市场分析报告，为公司产品开发和"
            "营销决策提供依据。",
            "8、负责区域销售团队的招聘、培训、辅导和绩效考核，组织召开周例会和月度经营分析会，提升团队的"
            "业务能力和执行力。",
            "9、负责区域销售数据的统计与上报，保证进销存数据、费用数据真实准确，按时完成公司要求的各类"
            "销售报表。",
            "10、完成上级领导交办的其他工作。",
        ]),
        ("三、岗位权限", [
            "1、对区域内销售人员的招聘、调岗、奖惩有建议权；",
            "2、在公司授权范围内，对区域市场费用有审批权（单笔5000元以内）；",
            "3、对区域内经销商的开发与淘汰有提名权；",
            "4、对区域内价格违规和窜货行为有处理权；",
            "5、对所辖人员的工作有指导、监督和考核权。",
        ]),
        ("四、工作关系", [
            "内部联系：市场部、财务部、物流部、人力资源部",
            "外部联系：经销商、KA卖场采购、连锁超市总部、广告及促销服务公司",
        ]),
        ("五、任职资格", [
            "学历：本科及以上学历，市场营销、工商管理等相关专业",
            "年龄：28—45周岁",
            "性别：不限",
            "工作经验：5年以上快速消费品销售工作经验，其中2年以上区域销售管理经验",
            "专业知识：熟悉快消品渠道管理和市场营销知识，了解财务及合同相关知识",
            "技能要求：具有较强的商务谈判、团队管理和数据分析能力，会使用Office办公软件及CRM系统",
            "素质要求：目标感强，能承受较大的工作压力，能适应经常出差",
            "证书：持有C1及以上驾驶证",
        ]),
    ],
    "kpi_section": "六、绩效考核指标",
    "kpi_table_title": "销售区域经理关键业绩指标考核表",
    "kpi_header": ("指标", "权重", "月度", "季度", "年度"),
    "kpis": [
        ("销售额完成率", "35%", "≥95%", "≥100%", "≥100%"),
        ("回款率", "20%", "≥90%", "≥95%", "≥98%"),
        ("市场费用率", "15%", "≤12%", "≤12%", "≤11%"),
        ("新增经销商数量", "10%", "1家", "3家", "10家"),
        ("重点门店铺货率", "10%", "≥85%", "≥90%", "≥92%"),
        ("团队人员流失率", "10%", "—", "≤8%", "≤20%"),
    ],
    "tail_sections": [
        ("七、薪酬福利", [
            "实行“基本工资＋月度绩效＋季度奖金＋年终提成”的薪酬结构，享受五险一金和带薪年假。",
        ]),
        ("八、工作条件", [
            "办公室与市场一线相结合，需经常出差拜访经销商和终端门店。",
        ]),
    ],
    "signoff": "编制：人力资源部" + FW * 3 + "审核：" + FW * 4 + "批准：" + FW * 4 + "日期：2023年3月",
}

# ---------------------------------------------------------------------------------------
# 4. GBK text export from an old HR system: 行政助理 (private hospital, 行政办公室)
# ---------------------------------------------------------------------------------------

RULE = "-" * 62
ADMIN_ASSISTANT_LINES = [
    "成都仁康医院",
    "岗位说明书",
    "打印日期：2019-07-15                                      第1页",
    RULE,
    "岗位名称：行政助理          岗位编号：",  # empty label
    "所属部门：行政办公室        岗位等级：职员六级",
    "直接上级：行政办公室主任    直接下级：无",
    "定员人数：2                 岗位类别：行政管理类",
    RULE,
    "【岗位目的】",
    FW * 2 + "协助行政办公室主任做好医院日常行政事务、会议组织、公文流转和来访接待工作，保障医院行政管理工作有序运转。",
    "【工作职责】",
    "1、负责院内公文的收发、登记、传阅和归档，跟踪文件办理进度，确保公文处理及时、规范。",
    "2、负责院周会、院务会等会议的会务准备，做好会议通知、会场布置和会议记录，整理会议纪要报主任审核。",
    "3、协助办理医疗机构执业许可证、营业执照等证照的校验和变更，做好证照台账管理。",
    "4、负责院领导日程安排的登记和提醒，协助做好上级部门检查和外单位参观的接待工作。",
    "5、负责办公用品的申购、入库和领用登记，每月统计各科室办公用品消耗情况。",
    "6、负责公章、介绍信的使用登记，严格执行用印审批手续。",
    "7、负责行政值班表的编排和发布，节假日前汇总各科室值班安排并上报。",
    "8、协助开展医院文化宣传工作，负责院内宣传栏和内网通知的更新。",
    "9、完成主任交办的其他工作。",
    "【工作权限】",
    "1、对不符合用印审批手续的申请有拒绝权。",
    "2、对办公用品的采购有建议权。",
    "3、对各科室公文办理进度有催办权。",
    "【工作关系】",
    "内部联系：院领导、各临床科室、护理部、医务科、财务科、后勤保障科",
    "外部联系：区卫生健康局、医保中心、街道办事处、来访单位",
    "【任职资格】",
    "学    历：大专及以上",
    "专    业：行政管理、文秘、汉语言文学等相关专业",
    "年    龄：23～35周岁",
    "性    别：不限",
    "工作经验：1年以上行政或文秘工作经验，有医疗机构工作经历者优先",
    "专业知识：熟悉公文写作规范和档案管理知识，了解医院管理相关法规",
    "技能要求：熟练使用Word、Excel、PPT等办公软件，具备较好的文字表达和沟通协调能力",
    "素质要求：工作细致，保密意识强，服务意识好",
    RULE,
    "审核人：" + FW * 6 + "审核日期：",
]

# ---------------------------------------------------------------------------------------
# 5. Big5 Traditional Chinese text: 門市店長 (Taiwan retail)
# ---------------------------------------------------------------------------------------

STORE_MANAGER_LINES = [
    "綠森生活百貨股份有限公司",
    "職位說明書",
    "",
    "職位名稱：門市店長" + FW * 4 + "職位編號：ST-M01",
    "所屬部門：營業部門市營運課",
    "職" + FW * 2 + "等：第七職等",
    "直屬主管：區域督導",
    "督導下屬：副店長、門市組長、門市人員、兼職人員",
    "編制人數：1人",
    "填表日期：民國112年3月1日",
    "",
    "一、職位目的",
    FW * 2 + "依據公司營運政策與年度營業目標，全面負責門市之營業、人員、商品、財務及安全管理，"
    "提供顧客良好的購物體驗，達成門市營業額與毛利目標。",
    "",
    "二、工作職責",
    "1. 依據區域營業目標擬定門市月度營業計畫，分解至各班別及人員，每日追蹤業績達成狀況。",
    "2. 負責門市人員之排班、出勤管理及人力調度，合理控制人事成本。",
    "3. 督導商品陳列、價格標示及促銷活動之執行，確保符合公司陳列規範。",
    "4. 負責門市訂貨、驗收、調撥及退貨作業，控制庫存週轉天數，降低缺貨與過期損耗。",
    "5. 每月組織門市盤點，分析盤損原因並提出改善措施。",
    "6. 負責收銀作業與現金管理，監督每日營業款之點收與解繳，確保帳款相符。",
    "7. 處理顧客意見與現場客訴，維護門市形象與顧客關係。",
    "8. 負責新進人員之職前訓練及在職人員之技能輔導，執行人員考核。",
    "9. 落實門市環境整潔、消防安全及食品衛生等相關規定，配合主管機關之稽查。",
    "10. 定期蒐集商圈及競爭店資訊，向區域督導提出營運建議。",
    "11. 完成主管交辦之其他事項。",
    "",
    "三、職權範圍",
    "．門市人員排班與休假之核准權",
    "．單筆新台幣3,000元以下門市零用金之支用權",
    "．門市人員考核、獎懲之建議權",
    "．滯銷商品降價出清之建議權",
    "",
    "四、工作關係",
    "內部：區域督導、採購部、物流中心、財務部、人力資源部",
    "外部：顧客、商場管理處、供應商業務人員、衛生及消防主管機關",
    "",
    "五、任職資格",
    "學" + FW * 2 + "歷：大專以上",
    "科" + FW * 2 + "系：不限，企業管理、行銷相關科系尤佳",
    "年" + FW * 2 + "齡：25至40歲",
    "性" + FW * 2 + "別：不拘",
    "工作經驗：3年以上零售門市工作經驗，其中1年以上店長或副店長經驗",
    "專業知識：熟悉零售門市營運流程、商品管理及基本財務報表",
    "技能要求：具備人員管理、溝通協調及問題解決能力；會使用POS系統及Excel",
    "人格特質：積極主動、抗壓性高、具服務熱忱，可配合輪班及假日上班",
    "證" + FW * 2 + "照：具食品安全衛生管理相關證照者佳",
    "",
    "六、績效指標",
    "營業額達成率" + FW * 2 + "30%",
    "毛利率達成率" + FW * 2 + "20%",
    "盤損率" + FW * 5 + "15%",
    "神秘客稽核分數" + FW + "15%",
    "人事費用率" + FW * 3 + "10%",
    "人員流動率" + FW * 3 + "10%",
]

# ---------------------------------------------------------------------------------------
# 6. UTF-8 compilation of three roles of one company: 出纳 / 会计 / 财务经理
# ---------------------------------------------------------------------------------------

FINANCE_COMPILATION_LINES = [
    "本文档由用户上传，如有侵权请联系删除",
    "【精品文档】下载后可编辑修改，仅供学习参考",
    "",
    "山东鲁信建材集团有限公司财务部岗位说明书汇编（2022年修订版）",
    "",
    "出纳岗位说明书",
    "",
    "一、基本信息",
    "岗位名称：出纳",
    "岗位编号：CW-03",
    "所属部门：财务部",
    "直接上级：财务经理",
    "定员人数：1人",
    "二、岗位目的",
    "  办理公司现金及银行结算业务，保管货币资金和有价票证，保证资金收付准确、安全、及时。",
    "三、岗位职责",
    "1. 负责公司现金收付业务，严格审核报销单据的审批手续，做到日清月结，确保库存现金账实相符。",
    "2. 办理银行结算业务，包括转账、汇款、票据收付，及时登记银行存款日记账。",
    "3. 每月末与银行对账，编制银行存款余额调节表，跟踪未达账项。",
    "4. 负责保管库存现金、空白支票、财务专用章及有价证券。",
    "5. 负责工资的发放以及社保、公积金的缴纳。",
    "6. 每日编制资金日报表，向财务经理报告资金余额及收支情况。",
    "7. 负责网银U盾的使用与保管，执行网银付款复核制度。",
    "8. 完成领导交办的其他工作。",
    "四、岗位权限",
    "1. 对不符合规定的收付款有拒付权。",
    "2. 对违反财经纪律的行为有报告权。",
    "五、任职资格",
    "学历：中专及以上，财会类专业",
    "工作经验：1年以上出纳工作经验",
    "年龄：20—35周岁",
    "证书：持有初级会计专业技术资格证书者优先",
    "素质要求：诚实守信，细心严谨，保密意识强",
    "",
    "",
    "会计岗位说明书",
    "",
    "（一）岗位基本情况",
    "岗位名称：会计　　　　岗位编号：CW-02",
    "所属部门：财务部　　　直接上级：财务经理",
    "直接下级：",  # empty label
    "（二）工作概述",
    "  负责公司日常会计核算、税务申报和财务报表编制，保证会计信息真实、准确、完整。",
    "（三）主要职责：",
    "① 审核各类原始凭证的合法性、真实性和完整性，编制记账凭证并登记明细账。",
    "② 负责往来款项核算，定期与客户、供应商核对往来余额，编制账龄分析表。",
    "③ 负责存货和固定资产的核算，参与月末及年终盘点。",
    "④ 负责成本核算，按月归集和分配生产成本，编制成本分析报表。",
    "⑤ 负责增值税、企业所得税等各项税费的计算与申报，办理发票的开具与认证。",
    "⑥ 按月编制资产负债表、利润表、现金流量表等财务报表。",
    "⑦ 负责会计凭证、账簿、报表等会计档案的整理、装订和保管。",
    "⑧ 配合外部审计和税务检查，提供相关资料。",
    "（四）岗位权限",
    "① 对不合规的原始凭证有退回权；",
    "② 对各部门费用预算执行情况有监督权。",
    "（五）任职资格",
    "学历：大专及以上学历，会计、财务管理专业",
    "工作经验：3年以上制造企业会计工作经验",
    "年龄：25—40周岁",
    "证书：持有初级及以上会计专业技术资格证书",
    "技能要求：熟练使用用友NC或金蝶财务软件，熟悉电子税务局申报流程",
    "",
    "",
    "财务经理岗位说明书",
    "",
    "岗位名称：财务经理",
    "所属部门：财务部",
    "直接上级：财务总监",
    "直接下级：会计、出纳、成本会计",
    "可晋升岗位：财务总监",
    "岗位概述：全面负责公司财务管理、会计核算、资金运作和税务筹划工作，为公司经营决策提供财务支持。",
    "岗位职责",
    "（一）组织制定公司财务管理制度和会计核算办法，并监督执行。",
    "（二）编制公司年度财务预算，分解下达至各部门，按月分析预算执行差异。",
    "（三）负责资金计划和调度，合理安排融资，确保资金安全和正常周转。",
    "（四）审核会计凭证、财务报表和纳税申报资料，保证会计信息真实、准确、及时。",
    "（五）组织开展成本费用分析，提出降本增效建议。",
    "（六）负责与银行、税务、审计等外部机构的沟通协调。",
    "（七）负责财务部人员的工作分配、培训和考核。",
    "（八）参与公司重大投资和经营决策的可行性研究，提供财务分析意见。",
    "岗位权限",
    "· 对公司各项费用支出有审核权；",
    "· 对违反财务制度的行为有制止和纠正权；",
    "· 对财务部人员的任免、奖惩有建议权；",
    "· 在董事会授权额度内对公司资金调度有审批权。",
    "任职资格",
    "学历：本科及以上，会计、财务管理、审计等相关专业",
    "年龄：30—45周岁",
    "工作经验：8年以上财务工作经验，其中3年以上财务主管及以上管理经验",
    "证书：中级会计师及以上职称，注册会计师（CPA）优先",
    "专业知识：熟悉国家财经法规、企业会计准则和税收政策",
    "考核指标",
    "考核指标\t权重\t目标值",
    "预算执行偏差率\t20%\t≤5%",
    "财务报表及时准确率\t20%\t100%",
    "资金计划完成率\t15%\t≥95%",
    "应收账款周转天数\t15%\t≤60天",
    "税务风险事件\t15%\t0次",
    "部门管理满意度\t15%\t≥85分",
]


# ---------------------------------------------------------------------------------------
# DOCX helpers
# ---------------------------------------------------------------------------------------


def _set_run_font(run, east_asia: str = BODY_FONT, size: float | None = None, bold: bool | None = None) -> None:
    run.font.name = "Times New Roman"
    rpr = run._r.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    rfonts.set(qn("w:eastAsia"), east_asia)
    if size is not None:
        run.font.size = Pt(size)
    if bold is not None:
        run.bold = bold


def new_document(title: str, author: str = "人力资源部") -> Document:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)

    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(10.5)
    rpr = normal.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    rfonts.set(qn("w:eastAsia"), BODY_FONT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.25

    cp = doc.core_properties
    cp.title = title
    cp.author = author
    cp.last_modified_by = author
    cp.comments = ""
    cp.keywords = "岗位说明书"
    cp.revision = 3
    cp.created = FIXED_DATE
    cp.modified = FIXED_DATE
    cp.last_printed = FIXED_DATE
    return doc


def add_par(container, text: str = "", *, bold: bool = False, size: float | None = None,
            font: str = BODY_FONT, align=None, style: str | None = None):
    p = container.add_paragraph(style=style) if style else container.add_paragraph()
    if text:
        _set_run_font(p.add_run(text), font, size, bold)
    if align is not None:
        p.alignment = align
    return p


def save_docx(doc: Document, path: Path, date_time: tuple[int, int, int, int, int, int] = ZIP_DATE) -> None:
    """Save with fixed ZIP member dates so reruns give identical bytes."""
    buf = io.BytesIO()
    doc.save(buf)
    buf.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=date_time)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    path.write_bytes(out.getvalue())


_TCPR_AFTER_SHD = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")


def shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    for old in tcpr.findall(qn("w:shd")):
        tcpr.remove(old)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    successor = next((c for c in tcpr if c.tag in {qn(t) for t in _TCPR_AFTER_SHD}), None)
    if successor is not None:
        successor.addprevious(shd)
    else:
        tcpr.append(shd)


def fill(cell, text: str | list[str], *, bold: bool = False, align=None, font: str = BODY_FONT) -> None:
    """Replace the cell's content with one paragraph per line."""
    lines = [text] if isinstance(text, str) else list(text)
    paragraphs = cell.paragraphs
    for extra in paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    first = paragraphs[0]
    for r in list(first.runs):
        r._r.getparent().remove(r._r)
    for i, line in enumerate(lines):
        p = first if i == 0 else cell.add_paragraph()
        if line:
            _set_run_font(p.add_run(line), font, None, bold)
        if align is not None:
            p.alignment = align
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


# ---------------------------------------------------------------------------------------
# 1. form-table DOCX
# ---------------------------------------------------------------------------------------

LABEL_FILL = "F2F2F2"
SECTION_FILL = "D9D9D9"
COL_WIDTHS = (Cm(2.6), Cm(5.4), Cm(2.6), Cm(5.4))


def build_form_docx(role: dict, path: Path) -> None:
    doc = new_document("仓储主管岗位说明书")
    add_par(doc, role["company"] + "岗位说明书", bold=True, size=16, font=HEADING_FONT,
            align=WD_ALIGN_PARAGRAPH.CENTER)
    add_par(doc, role["doc_no"], size=9, align=WD_ALIGN_PARAGRAPH.RIGHT)

    table = doc.add_table(rows=0, cols=4)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, COL_WIDTHS, strict=True):
        column.width = width  # w:gridCol
    center = WD_ALIGN_PARAGRAPH.CENTER

    def new_row():
        row = table.add_row()
        for cell, width in zip(row.cells, COL_WIDTHS, strict=True):
            cell.width = width
        return row

    def section_row(title: str) -> None:
        cells = new_row().cells
        merged = cells[0].merge(cells[3])
        fill(merged, title, bold=True, font=HEADING_FONT)
        shade(merged, SECTION_FILL)

    def label(cell, text: str) -> None:
        fill(cell, text, bold=True, align=center)
        shade(cell, LABEL_FILL)

    def pair_row(a: str, av: str, b: str, bv: str) -> None:
        cells = new_row().cells
        label(cells[0], a)
        fill(cells[1], av)
        label(cells[2], b)
        fill(cells[3], bv)

    def wide_row(a: str, value: str | list[str]) -> None:
        cells = new_row().cells
        label(cells[0], a)
        fill(cells[1].merge(cells[3]), value)

    section_row("基本信息")
    for pair in role["basic"]:
        pair_row(*pair)
    section_row("汇报关系")
    for pair in role["reporting"]:
        pair_row(*pair)
    section_row("岗位概述")
    wide_row("岗位概述", role["purpose"])

    section_row("岗位职责")
    head = new_row().cells
    label(head[0], "职责类别")
    label(head[1].merge(head[2]), "工作内容")
    label(head[3], "工作频次")
    for category, duties in role["duties"]:
        first_row = len(table.rows)
        for text, freq in duties:
            cells = new_row().cells
            fill(cells[1].merge(cells[2]), text)
            fill(cells[3], freq, align=center)
        last_row = len(table.rows) - 1
        cat = table.cell(first_row, 0).merge(table.cell(last_row, 0))  # vMerge restart/continue
        fill(cat, category, bold=True, align=center)

    section_row("岗位权限")
    auth = new_row().cells
    fill(auth[0].merge(auth[3]), role["authorities"])

    section_row("工作关系")
    for name, value in role["contacts"]:
        wide_row(name, value)

    section_row("任职资格")
    for pair in role["qual_pairs"]:
        pair_row(*pair)
    for name, value in role["qual_lines"]:
        wide_row(name, value)

    section_row(role["kpi_heading"])
    head = new_row().cells
    label(head[0].merge(head[1]), "考核指标")
    label(head[2], "权重")
    label(head[3], "目标值")
    for name, weight, target in role["kpis"]:
        cells = new_row().cells
        fill(cells[0].merge(cells[1]), name)
        fill(cells[2], weight, align=center)
        fill(cells[3], target, align=center)

    add_par(doc)
    add_par(doc, role["signoff"])
    save_docx(doc, path)


# ---------------------------------------------------------------------------------------
# 2. auto-numbered DOCX
# ---------------------------------------------------------------------------------------


def _w(tag: str, **attrs: str):
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


def numbering_level(ilvl: int, fmt: str, text: str, left: int, hanging: int, font: str | None = None,
                    suffix: str | None = None):
    """A ``w:lvl`` of a list definition: format, label text, indent, optional label font."""
    lvl = _w("w:lvl", ilvl=str(ilvl))
    lvl.append(_w("w:start", val="1"))
    lvl.append(_w("w:numFmt", val=fmt))
    if suffix is not None:  # "nothing": the text follows the label directly, no tab
        lvl.append(_w("w:suff", val=suffix))
    lvl.append(_w("w:lvlText", val=text))
    lvl.append(_w("w:lvlJc", val="left"))
    ppr = _w("w:pPr")
    ppr.append(_w("w:ind", left=str(left), hanging=str(hanging)))
    lvl.append(ppr)
    if font:
        rpr = _w("w:rPr")
        rpr.append(_w("w:rFonts", ascii=font, hAnsi=font, eastAsia=font, hint="eastAsia"))
        lvl.append(rpr)
    return lvl


class Numbering:
    """Appends abstractNum/num definitions to the document's numbering part."""

    def __init__(self, doc: Document) -> None:
        self.root = doc.part.numbering_part.element
        abs_ids = [int(a.get(qn("w:abstractNumId"))) for a in self.root.findall(qn("w:abstractNum"))]
        num_ids = [int(n.get(qn("w:numId"))) for n in self.root.findall(qn("w:num"))]
        self.next_abs = max(abs_ids, default=-1) + 1
        self.next_num = max(num_ids, default=0) + 1

    def abstract(self, nsid: str, levels: list) -> int:
        abs_id = self.next_abs
        self.next_abs += 1
        an = _w("w:abstractNum", abstractNumId=str(abs_id))
        an.append(_w("w:nsid", val=nsid))
        an.append(_w("w:multiLevelType", val="hybridMultilevel" if len(levels) > 1 else "singleLevel"))
        for lvl in levels:
            an.append(lvl)
        first_num = self.root.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(an)
        else:
            self.root.append(an)
        return abs_id

    def num(self, abs_id: int, restart: bool = False) -> int:
        num_id = self.next_num
        self.next_num += 1
        num = _w("w:num", numId=str(num_id))
        num.append(_w("w:abstractNumId", val=str(abs_id)))
        if restart:
            override = _w("w:lvlOverride", ilvl="0")
            override.append(_w("w:startOverride", val="1"))
            num.append(override)
        self.root.append(num)
        return num_id


def set_numbering(paragraph, num_id: int, ilvl: int = 0) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id


def build_numbered_docx(role: dict, path: Path) -> None:
    doc = new_document(role["title"])
    numbering = Numbering(doc)
    heading_abs = numbering.abstract("5A3C1E01", [numbering_level(0, "chineseCounting", "%1、", 0, 0, font=HEADING_FONT, suffix="nothing")])
    duty_abs = numbering.abstract("5A3C1E02", [
        numbering_level(0, "decimal", "%1.", 420, 420),
        numbering_level(1, "decimal", "（%2）", 1050, 630),
    ])
    bullet_abs = numbering.abstract("5A3C1E03", [numbering_level(0, "bullet", "●", 420, 420, font=BODY_FONT)])
    heading_num = numbering.num(heading_abs)
    duty_num = numbering.num(duty_abs)
    bullet_num = numbering.num(bullet_abs)
    equip_num = numbering.num(duty_abs, restart=True)  # second list on the same definition, restarted

    add_par(doc, role["company"], size=12, align=WD_ALIGN_PARAGRAPH.CENTER)
    add_par(doc, role["title"], bold=True, size=18, font=HEADING_FONT, align=WD_ALIGN_PARAGRAPH.CENTER)
    add_par(doc)
    for line in role["fields"]:
        add_par(doc, line)

    for heading, body in role["sections"]:
        h = add_par(doc, heading, bold=True, size=12, font=HEADING_FONT)
        h.paragraph_format.space_before = Pt(8)
        h.paragraph_format.space_after = Pt(4)
        h.paragraph_format.keep_with_next = True
        set_numbering(h, heading_num)
        for item in body:
            kind = item[0]
            if kind == "p":
                p = add_par(doc, item[1])
                p.paragraph_format.first_line_indent = Pt(21) if heading in ("岗位目的", "工作环境") else None
            elif kind == "duty":
                set_numbering(add_par(doc, item[1], style="List Paragraph"), duty_num)
                for sub in item[2]:
                    set_numbering(add_par(doc, sub, style="List Paragraph"), duty_num, ilvl=1)
            elif kind == "bullet":
                set_numbering(add_par(doc, item[1], style="List Paragraph"), bullet_num)
            elif kind == "equip":
                set_numbering(add_par(doc, item[1], style="List Paragraph"), equip_num)
            else:  # pragma: no cover - data error
                raise ValueError(kind)
    save_docx(doc, path)


# ---------------------------------------------------------------------------------------
# 3. PDF printed from Word
# ---------------------------------------------------------------------------------------


def _add_field(paragraph, instr: str, placeholder: str) -> None:
    """A complex field (PAGE / NUMPAGES) the way Word writes it."""
    def run_with(child):
        run = paragraph.add_run()
        _set_run_font(run, BODY_FONT, 9)
        run._r.append(child)
        return run

    run_with(_w("w:fldChar", fldCharType="begin"))
    instr_el = OxmlElement("w:instrText")
    instr_el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr_el.text = f" {instr} "
    run_with(instr_el)
    run_with(_w("w:fldChar", fldCharType="separate"))
    _set_run_font(paragraph.add_run(placeholder), BODY_FONT, 9)
    run_with(_w("w:fldChar", fldCharType="end"))


def _bottom_border(paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    bdr = _w("w:pBdr")
    bdr.append(_w("w:bottom", val="single", sz="6", space="1", color="auto"))
    # pBdr goes after numPr/keep* and before shd/tabs/spacing/ind/jc
    successor = next((c for c in ppr if c.tag in {qn("w:shd"), qn("w:tabs"), qn("w:spacing"), qn("w:ind"),
                                                   qn("w:jc")}), None)
    if successor is not None:
        successor.addprevious(bdr)
    else:
        ppr.append(bdr)


def build_print_docx(role: dict, path: Path) -> None:
    # 黑体 without bold for headings, the way many Chinese templates do it; it also keeps the PDF
    # small, since LibreOffice embeds every CJK face as a large Type 1 subset.
    doc = new_document(role["title"])
    section = doc.sections[0]
    header_p = section.header.paragraphs[0]
    _set_run_font(header_p.add_run(role["company"] + FW * 2 + "岗位说明书"), BODY_FONT, 9)
    header_p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _bottom_border(header_p)

    footer_p = section.footer.paragraphs[0]
    footer_p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_run_font(footer_p.add_run("第 "), BODY_FONT, 9)
    _add_field(footer_p, "PAGE", "1")
    _set_run_font(footer_p.add_run(" 页  共 "), BODY_FONT, 9)
    _add_field(footer_p, "NUMPAGES", "2")
    _set_run_font(footer_p.add_run(" 页"), BODY_FONT, 9)

    title = add_par(doc, role["title"], size=18, font=HEADING_FONT, align=WD_ALIGN_PARAGRAPH.CENTER)
    title.paragraph_format.space_after = Pt(12)
    for line in role["fields"]:
        add_par(doc, line)

    def heading(text: str) -> None:
        h = add_par(doc, text, size=12, font=HEADING_FONT)
        h.paragraph_format.space_before = Pt(10)
        h.paragraph_format.space_after = Pt(4)
        h.paragraph_format.keep_with_next = True

    def body(lines: list[str]) -> None:
        for line in lines:
            p = add_par(doc, line)
            p.paragraph_format.first_line_indent = Pt(21)

    for name, lines in role["sections"]:
        heading(name)
        body(lines)

    heading(role["kpi_section"])
    cap = add_par(doc, role["kpi_table_title"], font=HEADING_FONT, align=WD_ALIGN_PARAGRAPH.CENTER)
    cap.paragraph_format.space_after = Pt(4)
    cap.paragraph_format.keep_with_next = True
    table = doc.add_table(rows=1, cols=len(role["kpi_header"]))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = (Cm(4.4), Cm(2.0), Cm(2.6), Cm(2.6), Cm(2.6))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # w:gridCol
    for cell, text, width in zip(table.rows[0].cells, role["kpi_header"], widths, strict=True):
        fill(cell, text, font=HEADING_FONT, align=WD_ALIGN_PARAGRAPH.CENTER)
        shade(cell, LABEL_FILL)
        cell.width = width
    for values in role["kpis"]:
        cells = table.add_row().cells
        for i, (cell, text, width) in enumerate(zip(cells, values, widths, strict=True)):
            fill(cell, text, align=None if i == 0 else WD_ALIGN_PARAGRAPH.CENTER)
            cell.width = width

    for name, lines in role["tail_sections"]:
        heading(name)
        body(lines)
    add_par(doc)
    add_par(doc, role["signoff"])
    save_docx(doc, path)


def _pin_pdf_metadata(pdf: bytes, seed: bytes) -> bytes:
    """Overwrite the /CreationDate and /ModDate digits, /ID and /DocChecksum in place.

    Replacements keep every length, so the cross-reference offsets stay valid.
    """
    pdf = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)\d{14}", lambda m: m.group(1) + PDF_DATE_DIGITS, pdf)
    digest = hashlib.md5(seed).hexdigest().upper().encode()

    def ident(m: re.Match) -> bytes:
        return b"<" + digest[: len(m.group(1))].ljust(len(m.group(1)), b"0") + b">"

    def id_array(m: re.Match) -> bytes:
        return re.sub(rb"<([0-9A-Fa-f]+)>", ident, m.group(0))

    pdf = re.sub(rb"/ID\s*\[[^\]]*\]", id_array, pdf)
    # LibreOffice's /DocChecksum covers the (changing) dates; pin it the same way.
    return re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)",
                  lambda m: m.group(1) + digest[::-1][: len(m.group(2))].ljust(len(m.group(2)), b"0"), pdf)


def convert_to_pdf(docx_path: Path, outdir: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("soffice (LibreOffice) is needed to render the PDF sample")
    profile = outdir / "lo-profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(outdir), str(docx_path)],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180,
    )
    pdf = outdir / (docx_path.stem + ".pdf")
    if not pdf.exists():
        raise SystemExit(f"LibreOffice did not produce {pdf}")
    return pdf


def build_pdf(role: dict, path: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="jdx-samples-") as tmp:
        tmpdir = Path(tmp)
        docx_path = tmpdir / (path.stem + ".docx")
        build_print_docx(role, docx_path)
        pdf = convert_to_pdf(docx_path, tmpdir)
        path.write_bytes(_pin_pdf_metadata(pdf.read_bytes(), docx_path.read_bytes()))


# ---------------------------------------------------------------------------------------
# text files
# ---------------------------------------------------------------------------------------


def write_text(lines: list[str], path: Path, encoding: str, newline: str) -> None:
    text = newline.join(lines) + newline
    try:
        data = text.encode(encoding)  # strict: every character must exist in the code page
    except UnicodeEncodeError as exc:
        bad = text[exc.start:exc.end]
        raise SystemExit(f"{path.name}: {bad!r} cannot be encoded as {encoding}") from exc
    assert data.decode(encoding) == text
    path.write_bytes(data)


# ---------------------------------------------------------------------------------------


def main() -> int:
    outputs = {
        "仓储主管岗位说明书.docx": lambda p: build_form_docx(WAREHOUSE, p),
        "质量检验员岗位说明书.docx": lambda p: build_numbered_docx(QA_INSPECTOR, p),
        "销售区域经理岗位说明书.pdf": lambda p: build_pdf(SALES_MANAGER, p),
        "行政助理岗位说明书.txt": lambda p: write_text(ADMIN_ASSISTANT_LINES, p, "gbk", "\r\n"),
        "門市店長職位說明書.txt": lambda p: write_text(STORE_MANAGER_LINES, p, "big5", "\r\n"),
        "岗位说明书汇编.txt": lambda p: write_text(FINANCE_COMPILATION_LINES, p, "utf-8", "\n"),
    }
    for name, build in outputs.items():
        path = HERE / name
        build(path)
        size = path.stat().st_size
        if size > 150 * 1024:
            raise SystemExit(f"{name} is {size} bytes, over the 150 KB budget")
        print(f"{name}\t{size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
