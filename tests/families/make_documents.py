#!/usr/bin/env python
"""Build the family documents (the dev set) into ``tests/families/documents/``.

    .venv/bin/python tests/families/make_documents.py

Job descriptions of our own, written for this project (no corpus text), in the families and
formats HR folders hold: Markdown postings, Word leaflets, HTML career pages, one-posting-per-line
dumps, prose descriptions, role-card compilations, formal forms with qualification variants,
Traditional-Chinese postings and forms, documents that are not job descriptions, and a TSV roster.
Their gold is hand-written in ``gold/`` (see README.md). Output is deterministic; the built files
are committed and ``tests/test_families.py`` checks that this script reproduces them.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from writers import (  # noqa: E402
    CENTER,
    HEADING_FONT,
    DocumentSet,
    Numbering,
    PdfLayout,
    cell_lines,
    grid_table,
    label_para,
    level,
    merge_down,
    new_docx,
    numbered,
    para,
    row_of,
    run,
    save_docx,
    section_row,
    titled_form,
)

DOCUMENTS = DocumentSet(Path(__file__).resolve().parent / "documents")
document, text_document, build_all = DOCUMENTS.document, DOCUMENTS.text_document, DOCUMENTS.build_all


# =======================================================================================
# 1. Postings in Markdown
# =======================================================================================

text_document("md-01-ios-engineer.md", """\
---
title: 高级 iOS 开发工程师
location: 上海
summary: 负责记账 App 的 iOS 客户端开发与性能优化，参与移动端架构设计。
tags: 技术类
---

## 职位：高级 iOS 开发工程师（2人）

**岗位职责：**

1. 负责公司核心产品「青柚记账」iOS 客户端的功能开发与日常迭代；

2. 参与移动端整体架构设计，推动组件化和模块解耦；

3. 负责 App 启动速度、内存占用、卡顿率等性能指标的分析与优化；

4. 与产品、设计、后端同学紧密配合，按时保质交付需求；

5. 编写技术文档，参与 Code Review，帮助初级工程师成长。

**任职要求：**

1. 本科及以上学历，计算机、软件工程等相关专业；

2. 3 年以上 iOS 开发经验，精通 Swift，熟悉 Objective-C；

3. 熟悉 UIKit、Core Animation、GCD 等常用框架，理解 RunLoop 与内存管理机制；

4. 有良好的编码习惯和问题排查能力，能独立承担模块开发。

**加分项：**

- 有 SwiftUI 或 Combine 项目实战经验；
- 有开源项目或技术博客；
- 有金融、记账类 App 开发经验者优先。

**薪资：** 15K - 25K·14薪

**工作地点：** 上海、杭州

**福利待遇：**

- 五险一金
- 补充商业医疗保险
- 弹性工作制
- 年度体检
- 每年 12 天带薪年假

**投递方式：** 简历请发送至 jobs@qingyou-tech.cn，邮件标题注明“姓名 + 应聘职位”。
""")

text_document("md-02-multi-roles-en-labels.md", """\
# 澄海智造 2024 年社会招聘

澄海智造（苏州）科技有限公司专注于工业视觉检测设备的研发与制造，现有员工 260 余人，总部位于苏州工业园区。因业务发展需要，现诚聘以下岗位：

---

### 岗位一：Java 后端工程师（3人）

#### 岗位职责 Responsibilities
- 负责设备云平台服务端的设计与开发，保障系统稳定运行
- 参与数据采集、告警推送等核心模块的接口设计
- 配合测试完成联调，及时修复线上问题

#### 任职要求 Requirements
- 本科及以上学历，3年以上 Java 开发经验
- 熟悉 Spring Boot、MyBatis，熟悉 MySQL 与 Redis
- 了解 Kafka、MQTT 等消息中间件

#### 加分项 Nice to have
- 有工业物联网项目经验
- 有 Kubernetes 部署运维经验

**薪资范围：** 18K - 30K，13薪

### 岗位二：测试开发工程师（中级/高级）

#### 岗位职责 Responsibilities
- 负责视觉检测软件的功能测试与自动化测试体系建设
- 编写测试计划与测试用例，输出测试报告
- 搭建并维护持续集成流水线中的自动化测试环节

#### 任职要求 Requirements
- 大专及以上学历，计算机或电子信息相关专业
- 两年以上软件测试经验，熟悉 Python 或 Java 至少一种语言
- 熟悉 pytest、Selenium 等测试框架
- 有机器视觉软件测试经验者优先

**薪资范围：** 12K - 20K

### 岗位三：海外销售代表（2人）

#### Responsibilities
- 开拓东南亚市场，寻找并跟进潜在客户
- 参加海外展会，完成产品演示与商务洽谈
- 维护客户关系，完成季度销售目标

#### Requirements
- 本科学历，英语可作为工作语言
- 一年以上 B2B 外贸销售经验
- 能接受短期出差（每年约 60 天）

**薪资范围：** 底薪 8000 - 12000 元/月 + 提成

---

**工作地点：** 苏州（以上岗位均同）
**联系人：** 人力资源部 周女士  0512-6688 3021
**简历投递：** hr@chenghai-zz.com
""")

text_document("md-03-data-engineer-english.md", """\
---
title: "Data Engineer（数据平台）"
location: 北京
summary: "Build and run the data platform behind our logistics network."
---

# Data Engineer（数据平台）

### About the role
我们正在寻找一名数据工程师加入数据平台组，负责公司物流网络的数据基础设施建设。

### What you'll do
* 设计并维护离线与实时数据管道，支撑运单、路由、时效等核心指标的计算
* 建设数据质量监控体系，及时发现并修复数据异常
* 与分析师、算法工程师协作，沉淀可复用的数据模型
* Own the on-call rotation for the data platform together with the team

### What we're looking for
* Bachelor's degree or above in Computer Science or a related field
* 3+ years of experience in data engineering
* 熟练使用 SQL，熟悉 Spark、Flink 中至少一种计算引擎
* 良好的英文读写能力

### Bonus points
* 有物流或供应链行业数据经验
* Experience with dbt or Airflow is a strong plus

### Compensation
25K - 40K · 15薪，另有年度股票激励

### Location
北京 / 成都
""")

text_document("md-04-pipe-tables.md", """\
# 招聘｜门店运营岗位

> 广州青禾生鲜连锁有限公司 · 2024 春季招聘

| 岗位名称 | 招聘人数 | 工作地点 | 薪资 |
|---|---|---|---|
| 门店店长 | 2 | 广州、佛山 | 9000-13000元/月 |
| 生鲜理货员 | 6 | 广州 | 4500 - 5500 元/月 |

## 公司福利（所有岗位）

包住宿、员工餐、节日福利、员工购物折扣

## 门店店长

**工作内容**

| 序号 | 工作内容 |
|:---:|---|
| 1 | 全面负责门店日常运营管理，完成营业额、毛利等经营指标 |
| 2 | 负责门店人员排班、培训与绩效考核 |
| 3 | 监督商品陈列、库存及损耗控制，确保生鲜品质 |
| 4 | 处理顾客投诉，维护门店良好形象 |

**任职要求**

- 大专及以上学历，年龄 28-40 岁；
- 三年以上连锁零售门店管理经验，其中店长经验不少于 1 年；
- 熟悉生鲜品类管理者优先。

## 生鲜理货员

**工作内容**

| 序号 | 工作内容 |
|:---:|---|
| 1 | 负责果蔬、肉禽等商品的上架、补货与陈列 |
| 2 | 按要求做好商品保鲜、分拣及损耗登记 |
| 3 | 协助收货验收和月度盘点 |

**任职要求**

- 初中及以上学历，身体健康，能适应早班；
- 男女不限，18 - 45 周岁。
""")

text_document("md-05-bracket-labels.md", """\
# 行政内勤岗位招聘JD

**公司简介**：宁波远帆国际物流有限公司成立于2009年，是一家从事国际货运代理、报关报检和仓储服务的综合物流企业。

【岗位名称】行政内勤
【所属部门】综合管理部
【招聘人数】1名
【工作性质】全职
【工作地点】宁波市鄞州区

【岗位职责】
- 负责公司前台接待、来访登记及电话转接；
- 负责办公用品采购、领用登记和库存管理；
- 协助组织公司会议、年会及员工活动——包括场地预订、物料准备与会后纪要；
- 负责考勤统计、快递收发及文件归档；
- 完成领导交办的其他事务。

【任职要求】
- 大专及以上学历，行政管理、文秘等相关专业；
- 1年以上行政或前台工作经验，应届毕业生亦可；
- 熟练使用 Word、Excel、PPT 等办公软件；
- 形象气质佳，性格开朗，有良好的沟通能力；
- 有驾照者优先。

【薪资待遇】4000 - 6000元/月（试用期 3 个月，试用期工资为转正工资的 80%）
【福利】五险一金、周末双休、法定节假日、年终奖
""")


# =======================================================================================
# 2. Word leaflets (DOCX)
# =======================================================================================


@document("leaflet-01-one-line-headers.docx")
def build_hotel_leaflet(path: Path) -> None:
    doc = new_docx("招聘启事")
    para(doc, "丰泽大酒店招聘启事", bold=True, size=18, font=HEADING_FONT, align=CENTER)
    para(doc, "福州丰泽大酒店是一家集住宿、餐饮、会议于一体的四星级商务酒店，因经营需要，现面向社会招聘以下人员：")
    para(doc)
    roles = [
        ("前台接待 2人 男女不限 20-35岁 3500-4500元/月",
         "要求：中专及以上学历；普通话标准，能适应倒班；有酒店前台工作经验者优先。",
         "岗位职责：办理宾客入住、退房及结账手续；解答宾客咨询，处理一般投诉；做好交接班记录。"),
        ("客房服务员 4人 女 25-45岁 3200-4000元/月",
         "要求：初中及以上学历；吃苦耐劳，身体健康。",
         "岗位职责：按标准清扫客房、补充客用品；检查客房设施设备，发现问题及时报修；做好客房遗留物品登记。"),
        ("厨师 1人 男 30-50岁 6000-8000元/月",
         "要求：三年以上中餐热菜工作经验；持健康证；会做闽菜者优先。",
         None),
        ("保安 2人 男 50岁以下 3000-3500元/月",
         "要求：责任心强，能上夜班；退伍军人优先。",
         None),
    ]
    for header, requirements, duties in roles:
        para(doc, header, bold=True, size=12)
        para(doc, requirements)
        if duties:
            para(doc, duties)
        para(doc)
    para(doc, "以上岗位福利待遇：包吃包住、五险、带薪年假、生日福利。")
    para(doc, "应聘地址：福州市鼓楼区五四路168号丰泽大酒店人力资源部（三楼）")
    para(doc, "联系电话：0591-8765 4321　　联系人：林经理")
    save_docx(doc, path)


@document("leaflet-02-numbered-sections.docx")
def build_cold_chain_leaflet(path: Path) -> None:
    doc = new_docx("招聘简章")
    numbering = Numbering(doc)
    heading_abs = numbering.abstract("1A2B3C01", level(0, "chineseCounting", "%1、", left=0, hanging=0,
                                                         suffix="nothing"))
    duty_abs = numbering.abstract("1A2B3C02", level(0, "decimal", "%1."))
    bullet_abs = numbering.abstract("1A2B3C03", level(0, "bullet", "•"))
    heading_num = numbering.num(heading_abs)
    bullet_num = numbering.num(bullet_abs)

    para(doc, "嘉禾冷链物流（成都）有限公司", bold=True, size=16, font=HEADING_FONT, align=CENTER)
    para(doc, "2024年招聘简章", bold=True, size=14, align=CENTER)
    para(doc, "公司简介：嘉禾冷链物流（成都）有限公司成立于2015年，拥有冷库面积3万平方米，"
              "为西南地区商超与餐饮企业提供冷链仓储及城市配送服务。")
    roles = [
        ("仓库管理员", "3人",
         ["负责冷库货物的入库验收、上架与出库复核——核对品名、批次、温度记录；",
          "每日盘点重点库位，确保账实相符；",
          "监督装卸作业规范，防止货损；",
          "按要求填写库存日报并录入WMS系统。"],
         "高中及以上学历；\n有1年以上仓库管理经验，能适应冷库低温环境；\n会使用叉车并持有叉车证者优先。",
         "4000 - 6000元/月"),
        ("冷链配送司机", "5人",
         ["按配送计划将冷链货物准时送达门店——途中全程监控车厢温度；",
          "负责车辆日常检查、清洁与保养；",
          "协助收货方完成交接签收并带回单据。"],
         "持C1及以上驾驶证，3年以上驾龄；\n年龄 25 - 45 岁，身体健康，无不良驾驶记录；\n熟悉成都市区道路。",
         "6000 - 9000元/月（底薪+趟次补贴）"),
        ("客服专员", "1人",
         ["接听客户来电，受理订单查询、异常反馈及投诉；",
          "跟踪异常订单处理进度并及时回复客户；",
          "整理客户资料，每周汇总客诉数据。"],
         "大专及以上学历，物流管理、市场营销等相关专业；\n普通话标准，打字速度每分钟60字以上；\n"
         "有物流行业客服经验者优先。",
         "4500元/月起"),
    ]
    for title, headcount, duties, requirements, pay in roles:
        numbered(para(doc, title, bold=True, size=13, font=HEADING_FONT), heading_num)
        label_para(doc, "招聘人数：", headcount)
        label_para(doc, "岗位职责：")
        duty_num = numbering.num(duty_abs, restart=True)
        for duty in duties:
            numbered(para(doc, duty, style="List Paragraph"), duty_num)
        label_para(doc, "任职要求：")
        para(doc, requirements)  # one paragraph, items split by soft line breaks
        label_para(doc, "薪资待遇：", pay)
    label_para(doc, "公司福利：")
    for perk in ("五险一金", "节日福利", "免费工作餐", "年度旅游"):
        numbered(para(doc, perk, style="List Paragraph"), bullet_num)
    label_para(doc, "应聘方式：", "请携带身份证及简历至成都市双流区物联大道88号嘉禾冷链园区A栋二楼人事部面试，"
                               "或将简历发送至 hr@jiahe-cold.cn。")
    save_docx(doc, path)


@document("leaflet-03-table.docx")
def build_factory_table_leaflet(path: Path) -> None:
    doc = new_docx("招聘简章")
    para(doc, "昆山鸿运电子科技有限公司招聘简章", bold=True, size=16, font=HEADING_FONT, align=CENTER)
    para(doc, "昆山鸿运电子科技有限公司为台资电子企业，主要生产手机及车载连接器，现因扩大生产，招聘以下岗位：")
    table = grid_table(doc, 6, [1.2, 2.4, 1.4, 6.2, 3.0, 1.8])
    row_of(table, ["序号", "岗位", "人数", "任职要求", "薪资待遇", "工作地点"], bold_cols=(0, 1, 2, 3, 4, 5))
    rows = [
        ("1", "普工", "30", ["18-40周岁，男女不限", "初中及以上文化", "能适应两班倒"], "综合工资5500-7500元/月"),
        ("2", "品检员", "5", ["女，20-35周岁", "高中及以上学历", "视力良好，无色盲色弱", "有电子厂品检经验者优先"],
         "5000-6500元/月"),
        ("3", "设备技术员", "3", ["男，中专及以上学历", "机电一体化相关专业", "2年以上SMT设备维护经验"],
         "7000-10000元/月"),
        ("4", "仓库文员", "1", ["大专学历", "熟练使用Excel", "有ERP操作经验者优先"], "4500-5500元/月"),
    ]
    for number, title, count, requirements, pay in rows:
        row_of(table, [number, title, count, requirements, pay, ""])
    merge_down(table, 5, 1, len(rows), "昆山", bold=False)
    para(doc)
    para(doc, "福利待遇：五险一金、免费班车、包住宿、全勤奖、年终奖")
    para(doc, "报名地址：昆山市开发区前进东路1288号鸿运电子南门招聘处（周一至周六 8:30-16:00）")
    save_docx(doc, path)


@document("leaflet-13-headerless-table.docx")
def build_headerless_table_leaflet(path: Path) -> None:
    """A small shop's leaflet: a three-row table of openings typed without its header row
    (name | count | requirements | pay), then the shop's perks and address."""
    doc = new_docx("招聘")
    para(doc, "味尚餐饮管理有限公司诚聘", bold=True, size=16, font=HEADING_FONT, align=CENTER)
    table = grid_table(doc, 4, [2.4, 1.4, 6.4, 3.0])
    for row in [("厨师长", "1名", "中专及以上学历，5年以上中餐厨房管理经验", "月薪9000-12000元"),
                ("面点师", "2名", "3年以上面点制作经验，持健康证", "月薪5500-7000元"),
                ("传菜员", "4名", "18-45周岁，身体健康，能吃苦耐劳", "月薪3800-4500元")]:
        row_of(table, list(row))
    para(doc)
    para(doc, "以上岗位均包吃住，月休4天。")
    para(doc, "面试地址：长沙市开福区湘江中路88号味尚餐厅")
    save_docx(doc, path)


@document("leaflet-14-position-boxes.docx")
def build_position_boxes_leaflet(path: Path) -> None:
    """A poster made in Word: a two-by-two grid of boxes, one position to a box — its name and
    count on the first line, then its requirements and pay."""
    doc = new_docx("招聘")
    para(doc, "鑫达物流有限公司招聘", bold=True, size=16, font=HEADING_FONT, align=CENTER)
    table = grid_table(doc, 2, [7.5, 7.5])
    row_of(table, [["仓库管理员 2名", "要求：高中以上学历，懂电脑操作，有仓库工作经验优先。", "待遇：4500-5500元/月，包住。"],
                   ["叉车司机 3名", "要求：持叉车证，2年以上驾驶经验。", "待遇：5500-6500元/月，包吃住。"]])
    row_of(table, [["理货员 5名", "要求：18-45岁，身体健康，吃苦耐劳。", "待遇：4000-5000元/月。"],
                   ["客服专员 1名", "要求：大专以上学历，普通话标准。", "待遇：4000元+绩效。"]])
    para(doc)
    para(doc, "地址：天津市西青区物流园8号  电话：022-12345678")
    save_docx(doc, path)


@document("notice-02-county-hospital-table.docx")
def build_county_hospital_notice(path: Path) -> None:
    """A public institution's notice: a sentence that counts its staff as a whole (招聘编外工作人员
    12名), then a table of positions with a catch-all 其他条件 column that states ages."""
    doc = new_docx("公告")
    para(doc, "某县第二人民医院2026年公开招聘编外工作人员公告", bold=True, size=16, font=HEADING_FONT, align=CENTER)
    para(doc, "根据医院发展需要，经研究决定，面向社会公开招聘编外工作人员12名。")
    para(doc, "一、招聘岗位及条件")
    table = grid_table(doc, 6, [1.6, 2.4, 1.6, 2.6, 2.4, 5.0])
    row_of(table, ["岗位代码", "岗位名称", "招聘人数", "专业要求", "学历要求", "其他条件"], bold_cols=(0, 1, 2, 3, 4, 5))
    for row in (["201", "临床医师", "4", "临床医学", "本科及以上", "35周岁以下，具有执业医师资格"],
                ["202", "护士", "6", "护理学", "大专及以上", "30周岁以下，具有护士执业资格"],
                ["203", "药剂师", "2", "药学", "本科及以上", "35周岁以下"]):
        row_of(table, row)
    para(doc, "二、报名方式")
    para(doc, "报名时间：2026年3月1日至3月10日，报名地点为医院人事科。")
    save_docx(doc, path)


@document("leaflet-04-bold-titles.docx")
def build_education_leaflet(path: Path) -> None:
    doc = new_docx("启明星教育招聘")
    numbering = Numbering(doc)
    bullet_abs = numbering.abstract("1A2B3C11", level(0, "bullet", "●"))
    para(doc, "启明星教育科技有限公司诚聘", bold=True, size=16, font=HEADING_FONT, align=CENTER)
    roles = [
        ("职位一：市场策划专员（2名）", [("工作地点：", "长沙")],
         ["负责线上线下招生活动的策划与执行", "撰写公众号推文、活动海报文案", "统计活动数据并输出复盘报告"],
         ["本科及以上学历，市场营销、新闻传播类专业", "一年以上教育行业市场工作经验", "有短视频运营经验者优先"],
         "6000-9000元/月"),
        ("职位二：初中数学教师（若干）", [("工作地点：", "长沙、株洲")],
         ["负责初中数学课程的授课与课后辅导", "参与教研活动，编写讲义和练习题", "定期与家长沟通学生学习情况"],
         ["本科及以上学历，数学或师范类专业", "持有初中及以上数学教师资格证", "有两年以上一线教学经验者优先"],
         "面议"),
        ("职位三：教务助理实习生", [("工作性质：", "实习"), ("工作地点：", "长沙")],
         ["协助排课、调课及课表发布", "整理学员档案和课时统计"],
         ["2025届本科在读，专业不限", "每周至少实习4天，实习期不少于3个月"],
         "150元/天"),
    ]
    for title, labels, duties, requirements, pay in roles:
        para(doc)
        para(doc, title, bold=True, size=13)
        for label, value in labels:
            label_para(doc, label, value)
        label_para(doc, "职位描述：")
        num = numbering.num(bullet_abs)
        for duty in duties:
            numbered(para(doc, duty, style="List Paragraph"), num)
        label_para(doc, "任职要求：")
        num = numbering.num(bullet_abs)
        for item in requirements:
            numbered(para(doc, item, style="List Paragraph"), num)
        label_para(doc, "薪资：", pay)
    para(doc)
    para(doc, "简历投递：hr@qmx-edu.com（邮件主题：应聘职位+姓名）　　地址：长沙市岳麓区麓谷大道627号")
    save_docx(doc, path)


# =======================================================================================
# 3. HTML career pages
# =======================================================================================

text_document("html-01-label-tables.html", """\
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>人才招聘 - 绿源农业科技股份有限公司</title>
<link rel="stylesheet" href="/static/css/main.css">
</head>
<body>
<div class="nav"><a href="/">首页</a> | <a href="/about">关于我们</a> | <a href="/products">产品中心</a> | <a href="/news">新闻动态</a> | <a href="/jobs">人才招聘</a></div>
<div class="banner"><img src="/static/img/jobs-banner.jpg" alt="加入我们"></div>
<div class="intro">
<p>绿源农业科技股份有限公司是一家集农作物种子研发、生产、销售于一体的国家级高新技术企业，总部位于山东省济南市。公司坚持“科技兴农、诚信为本”的理念，诚邀优秀人才加盟。</p>
</div>
<div class="jobs">
<div class="job">
<p><strong>育种研究员</strong></p>
<table class="job-info">
<tr><td>工作地点</td><td>济南</td><td>工作性质</td><td>全职</td></tr>
<tr><td>招聘人数</td><td>2人</td><td>薪资</td><td>10000 - 15000元/月</td></tr>
</table>
<p>岗位职责：</p>
<ol>
<li>1、负责玉米新品种的选育、田间试验设计与数据记录；</li>
<li>2、开展品种抗性鉴定与品质分析；</li>
<li>3、撰写品种审定材料和年度研究报告；</li>
<li>4、指导试验基地技术人员开展田间管理。</li>
</ol>
<p>任职要求：</p>
<ol>
<li>1、硕士及以上学历，作物遗传育种、植物保护等相关专业；</li>
<li>2、熟悉分子标记辅助育种技术；</li>
<li>3、能适应长期野外及基地工作；</li>
<li>4、有玉米育种项目经历者优先。</li>
</ol>
</div>
<div class="job">
<p><strong>农技推广专员</strong></p>
<table class="job-info">
<tr><td>工作地点</td><td>山东、河南、河北</td><td>工作性质</td><td>全职</td></tr>
<tr><td>招聘人数</td><td>5人</td><td>薪资</td><td>6000-8000元/月+绩效</td></tr>
</table>
<p>岗位职责：</p>
<ol>
<li>1、负责所辖区域的品种示范田建设与观摩会组织；</li>
<li>2、为经销商和种植大户提供种植技术指导；</li>
<li>3、收集市场及品种表现信息，定期提交调研报告；</li>
<li>4、协助销售人员开展新品种推广活动。</li>
</ol>
<p>任职要求：</p>
<ol>
<li>1、大专及以上学历，农学、植保、园艺等相关专业；</li>
<li>2、两年以上农资销售或农技服务经验；</li>
<li>3、能适应经常出差；</li>
<li>4、有驾照者优先。</li>
</ol>
</div>
<div class="job">
<p><strong>电商运营主管</strong></p>
<table class="job-info">
<tr><td>工作地点</td><td>济南</td><td>工作性质</td><td>全职</td></tr>
<tr><td>招聘人数</td><td>1人</td><td>薪资</td><td>面议</td></tr>
</table>
<p>岗位职责：</p>
<ol>
<li>1、负责天猫、京东、抖音店铺的日常运营；</li>
<li>2、制定月度销售计划与推广方案；</li>
<li>3、分析店铺数据，优化商品详情页和转化率；</li>
<li>4、管理客服与美工团队（3-5人）。</li>
</ol>
<p>任职要求：</p>
<ol>
<li>1、本科及以上学历；</li>
<li>2、三年以上电商运营经验，一年以上团队管理经验；</li>
<li>3、有农产品电商经验者优先。</li>
</ol>
</div>
</div>
<div class="contact">
<p>联系方式：电话 0531-8888 1234　邮箱 hr@lvyuan-agri.com</p>
<p>地址：济南市高新区舜华路2000号绿源大厦</p>
</div>
<div class="footer">Copyright © 2024 绿源农业 版权所有 鲁ICP备12345678号</div>
</body>
</html>
""")

text_document("html-02-br-items.html", """\
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>华影星光影城-招聘信息</title>
</head>
<body>
<table width="960" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td class="menu"><a href="index.html">首页</a>&nbsp;&nbsp;<a href="film.html">正在热映</a>&nbsp;&nbsp;<a href="vip.html">会员中心</a>&nbsp;&nbsp;<a href="zhaopin.html">招聘信息</a></td></tr>
<tr><td class="content">
<p>华影星光影城是厦门首家IMAX激光影城，拥有12个放映厅、2000余个座位。现因新店开业，诚聘以下岗位：</p>
<p><b>放映员（2名）</b><br />
岗位职责：<br />
1、按排片计划准时开启影片放映，监控放映质量；<br />
2、负责放映设备的日常清洁与保养；3、做好放映日志记录；<br />
4、处理放映过程中的突发故障。<br />
任职资格：<br />
1、中专及以上学历，电子、机电类专业优先；<br />
2、男性，年龄20-35岁；<br />
3、能适应夜班工作。<br />
<br />
<b>票务员（若干名）</b><br />
岗位职责：<br />
1、负责影票销售、取票及退改签业务；<br />
2、解答观众咨询，引导观众入场；<br />
3、每日核对票款，做好交班报表。<br />
任职资格：<br />
1、高中及以上学历；<br />
2、18-28岁，女性优先；<br />
3、形象好，亲和力强，普通话标准。<br />
<br />
<b>卖品部主管（1名）</b><br />
岗位职责：<br />
1、负责卖品部的销售与库存管理，完成月度销售目标；<br />
2、制定卖品促销方案并组织实施；<br />
3、负责卖品员的排班、培训与考核。<br />
任职资格：<br />
1、大专及以上学历；<br />
2、两年以上餐饮或零售管理经验；<br />
3、有影院卖品管理经验者优先。</p>
<p>应聘方式：请将个人简历发送至 job@hyxg-cinema.com，或直接到影城5楼办公室面试（每周二、四 14:00-17:00）。</p>
</td></tr>
<tr><td class="foot">华影星光影城 版权所有 &nbsp; 地址：厦门市思明区湖滨南路 99 号 5F</td></tr>
</table>
</body>
</html>
""")

text_document("html-03-dl-cards.html", """\
<!doctype html>
<html>
<head>
<meta charset="utf-8">
<title>加入我们 | 拾光文化</title>
</head>
<body>
<header><div class="logo">拾光文化</div><nav><a href="/">首页</a><a href="/cases">案例</a><a href="/join" class="on">加入我们</a></nav></header>
<section class="about">
<p>杭州拾光文化传媒有限公司成立于2017年，是一家专注短视频内容营销的创意机构，服务过多个国内一线消费品牌。</p>
</section>
<section class="join">
<dl>
<dt>文案策划（2名）</dt>
<dd>
<p>·工作地点：杭州<br>·招聘人数：2名</p>
<p><strong>工作职责：</strong><Br><b></b>1、负责品牌客户的广告文案、短视频脚本撰写；<Br><b></b>2、参与创意提案，输出传播方案；<Br><b></b>3、跟踪投放效果，持续优化内容。</p>
<p><strong>任职要求：</strong><Br><b></b>1、本科及以上学历，中文、新闻、广告等相关专业；<Br><b></b>2、一年以上广告公司或新媒体文案经验；<Br><b></b>3、文字功底扎实，有作品集者优先。</p>
</dd>
<dt>短视频剪辑师（1名）</dt>
<dd>
<p>·工作地点：杭州<br>·招聘人数：1名</p>
<p><strong>工作职责：</strong><Br><b></b>1、负责抖音、视频号等平台短视频的剪辑与包装；<Br><b></b>2、根据脚本完成素材整理、配乐与字幕；<Br><b></b>3、参与拍摄现场的执行工作。</p>
<p><strong>任职要求：</strong><Br><b></b>1、大专及以上学历；<Br><b></b>2、熟练使用 Premiere、After Effects、剪映等软件；<Br><b></b>3、有 MCN 机构工作经验者优先。</p>
</dd>
<dt>商务拓展经理（BD）</dt>
<dd>
<p>·工作地点：杭州、上海<br>·招聘人数：2名</p>
<p><strong>工作职责：</strong><Br><b></b>1、开拓品牌广告主客户，完成季度业绩目标；<Br><b></b>2、维护重点客户关系，推动续约与增购；<Br><b></b>3、收集行业信息，为公司产品策略提供建议。</p>
<p><strong>任职要求：</strong><Br><b></b>1、本科及以上学历；<Br><b></b>2、三年以上广告或互联网行业销售经验；<Br><b></b>3、有快消、美妆行业客户资源者优先。</p>
<p><strong>薪资：</strong>底薪 10K - 15K + 提成</p>
</dd>
</dl>
</section>
<footer><p>简历投递：join@shiguang-media.com　　电话：0571-8602 3377</p></footer>
</body>
</html>
""")

# A company site built from divs: the menu and the footer are divs with class names, not
# <nav>/<footer>; each position's name, count and date share one line of spans; the page's
# <title> names the company after the page's own name.
text_document("html-05-cms-div-page.html", """\
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>人才招聘-温州恒泰阀门有限公司</title></head><body>
<div class="nav"><a href="/">首页</a> | <a href="/about">关于我们</a> | <a href="/product">产品中心</a> | <a href="/job">人才招聘</a> | <a href="/contact">联系我们</a></div>
<div class="job-list">
 <div class="job-item">
  <div class="job-head"><span class="name">数控车床操作工</span><span class="num">招聘人数：5</span><span class="date">发布日期：2024-03-18</span></div>
  <div class="job-body">
   <p><strong>岗位要求：</strong></p>
   <p>1、初中以上学历，有2年以上数控车床操作经验；</p>
   <p>2、能看懂机械图纸，会编程者优先；</p>
   <p><strong>薪资待遇：</strong>6000-9000元/月，包吃住</p>
  </div>
 </div>
 <div class="job-item">
  <div class="job-head"><span class="name">品质检验员</span><span class="num">招聘人数：2</span><span class="date">发布日期：2024-03-18</span></div>
  <div class="job-body">
   <p><strong>岗位职责：</strong>负责阀门产品的首检、巡检和终检，填写检验记录。</p>
   <p><strong>岗位要求：</strong>高中以上学历，会使用卡尺、千分尺等量具。</p>
  </div>
 </div>
</div>
<div id="footer">Copyright © 2024 温州恒泰阀门有限公司 浙ICP备00000000号</div>
</body></html>
""")


text_document("html-04-single-role.html", """\
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<title>会计主管 - 社会招聘 - 泓信智能</title>
</head>
<body>
<div class="top"><span class="brand">泓信智能</span> <a href="/careers">返回职位列表</a></div>
<div class="job-detail">
<h1>会计主管</h1>
<ul class="meta">
<li>所属部门：财务中心</li>
<li>工作地点：深圳市南山区</li>
<li>招聘人数：1</li>
<li>学历要求：本科及以上</li>
<li>工作经验：5年以上</li>
<li>薪资范围：15-20K</li>
</ul>
<h3>• 职位描述</h3>
<ul>
<li>负责公司总账核算、月末结账及合并报表编制；</li>
<li>审核会计凭证和费用报销单据，确保核算准确、合规；</li>
<li>负责增值税、企业所得税的计算与申报，对接税务机关；</li>
<li>配合年度审计、研发费用加计扣除等专项工作；</li>
<li>指导和培训两名会计，完善财务核算流程。</li>
</ul>
<h3>• 任职要求</h3>
<h4>必要条件</h4>
<ul>
<li>会计、财务管理相关专业；</li>
<li>持有中级会计师职称；</li>
<li>熟悉企业会计准则及税法，熟练使用用友 U8 或金蝶 K/3。</li>
</ul>
<h4>优先条件</h4>
<ul>
<li>有高新技术企业财务工作经验；</li>
<li>有 IPO 筹备经历；</li>
<li>持有 CPA 证书。</li>
</ul>
</div>
<div class="company">
<h3>关于我们</h3>
<p>深圳泓信智能科技有限公司成立于2016年，专注于工业机器人控制器与伺服系统的研发，是国家高新技术企业。</p>
</div>
<div class="apply"><a href="mailto:talent@hongxin-ai.com">投递简历</a></div>
</body>
</html>
""")


# =======================================================================================
# 4. Dumps with one posting per line
# =======================================================================================

text_document("dump-01-titled-lines.txt", "\n".join([
    "【医疗器械销售代表】工作地点：武汉  薪资：5000-8000元/月  岗位职责：1、负责区域内医疗器械的销售与推广；"
    "2、开发并维护医院客户；3、完成公司下达的销售任务。任职要求：1、大专及以上学历，医学、药学相关专业；"
    "2、一年以上医药销售经验；3、有医院资源者优先。",
    "职位：Python 开发工程师｜地点：南京｜月薪：12-18K｜职位描述：1. 负责数据采集与清洗脚本开发；"
    "2. 维护内部运维平台的后端接口；3. 编写单元测试与接口文档。任职资格：1. 本科及以上学历，计算机相关专业；"
    "2. 两年以上 Python 开发经验；3. 熟悉 Django 或 Flask 框架；4. 有爬虫项目经验者优先。",
    "招聘岗位：平面设计师 工作地点：东莞 薪资待遇：6000 - 9000 元/月 岗位职责：（1）负责公司产品包装、画册及展会物料设计"
    "（2）配合电商部门完成详情页与主图设计（3）整理并管理设计素材库 任职要求：（1）大专及以上学历，美术、视觉传达相关专业"
    "（2）两年以上平面设计工作经验（3）精通 Photoshop、Illustrator、CorelDRAW",
    "职位名称：人事专员 工作地点：郑州 薪资：4000-5500元/月 工作内容：负责员工入离职手续办理；维护员工档案与花名册；"
    "协助组织招聘面试与新员工培训。岗位要求：本科学历，人力资源管理相关专业，一年以上人事工作经验，熟悉劳动法规。",
    "岗位：外贸跟单员 地点：宁波 薪资：面议 职责：1.跟进订单生产进度，确保按期交货 2.负责订舱、报关资料准备 "
    "3.与国外客户邮件沟通 要求：1.英语四级以上 2.一年以上外贸跟单经验 3.会说日语者优先",
]) + "\n", newline="\r\n")

text_document("dump-02-untitled-lines.txt", "\n".join([
    "岗位职责：1、负责公司官网及小程序前端页面开发；2、与设计师配合还原交互效果；3、优化页面加载性能。"
    "任职要求：1、本科及以上学历；2、两年以上前端开发经验，熟悉 Vue 或 React；3、有小程序开发经验者优先。",
    "●职责 1.负责门店收银及会员办理 2.整理货架，保持卖场整洁 3.协助店长完成盘点 ●要求 1.高中以上学历 2.年龄18-35岁 3.能接受轮班",
    "工作内容：1）接听客户来电，解答产品咨询；2）记录客户问题并跟踪处理结果；3）定期回访老客户。"
    "任职资格：1）大专学历；2）普通话标准，打字速度快；3）有电话客服经验者优先。",
    "主要职责：（1）负责车间设备的日常点检与维修（2）编制设备保养计划并组织实施（3）参与新设备安装调试 "
    "任职要求：（1）中专以上学历，机电相关专业（2）三年以上设备维修经验（3）持有电工证",
]) + "\n")


# =======================================================================================
# 5. Prose job descriptions
# =======================================================================================

text_document("prose-01-warehouse.txt", """\
仓储岗位说明（文字版）

岗位名称为区域仓储经理，隶属于供应链管理部，直接上级为供应链总监。主要职责包括：负责区域内各仓库的运营管理与资源调配；监督仓储作业标准及安全规范的执行；建立并完善库存周转与损耗考核机制；组织仓储人员的培训与绩效考核。任职者应具备本科及以上学历，物流管理或工商管理专业，五年以上仓储物流工作经验，其中三年以上管理经验。

仓储主管岗位隶属于供应链管理部，直接上级为区域仓储经理，下设仓管员、叉车工等岗位。该岗位主要负责：组织货物的收发、存储与盘点工作；审核出入库单据，确保账实相符；安排班组人员排班并监督作业安全。任职者须具备大专以上学历，三年以上仓库管理工作经验，年龄在25至40岁之间，能适应夜班。
""")


@document("prose-02-clinic.docx")
def build_clinic_prose(path: Path) -> None:
    doc = new_docx("门诊部岗位说明")
    para(doc, "康宁医院门诊部岗位说明", bold=True, size=15, font=HEADING_FONT, align=CENTER)
    para(doc, "康宁医院人力资源部　2023年6月修订", align=CENTER)
    para(doc)
    p = doc.add_paragraph()
    run(p, "一、门诊护士长", bold=True)
    p = doc.add_paragraph()
    run(p, "门诊护士长岗位隶属于门诊部，直接上级为护理部主任，直接下级为门诊各科室护士。本岗位主要职责包括："
           "负责门诊护理工作的计划、组织与质量控制；安排护士排班并检查各诊区护理工作落实情况；"
           "组织门诊护士的业务学习和技术考核；处理门诊护理投诉及纠纷，及时上报护理不良事件。"
           "任职者应具有护理专业本科及以上学历，主管护师及以上职称，八年以上临床护理工作经验。")
    p.paragraph_format.first_line_indent = doc.styles["Normal"].font.size * 2
    p = doc.add_paragraph()
    run(p, "二、门诊导诊员", bold=True)
    p = doc.add_paragraph()
    run(p, "岗位名称为门诊导诊员，隶属于门诊部，直接上级为门诊护士长。其职责为：在门诊大厅为患者提供就诊引导和咨询服务；"
           "协助行动不便的患者挂号、缴费及检查；维护候诊秩序，发放健康宣教资料。"
           "任职者要求中专及以上学历，护理或医学相关专业，年龄 20 - 30 岁；女性优先。")
    p.paragraph_format.first_line_indent = doc.styles["Normal"].font.size * 2
    save_docx(doc, path)


@document("prose-03-property.pdf")
def build_property_prose_pdf(path: Path) -> None:
    pdf = PdfLayout(header="泰和物业服务有限公司　内部资料")
    pdf.paragraph("泰和物业服务有限公司岗位职责描述", size=16, center=True)
    pdf.paragraph("一、物业项目经理", size=12, space_before=14)
    pdf.paragraph("岗位名称为物业项目经理，隶属于物业管理部，直接上级为物业管理部经理。主要职责包括：全面负责所辖项目的物业服务管理工作；"
                  "编制项目年度预算并控制各项费用支出；督导客服、安保、保洁、工程各班组的服务质量；协调业主委员会及社区关系，处理重大投诉。"
                  "任职者应具备大专及以上学历，持有物业管理师证书，五年以上物业管理经验，其中三年以上项目经理经验。", indent=21)
    pdf.paragraph("二、工程维修主管", size=12, space_before=14)
    pdf.paragraph("工程维修主管岗位隶属于工程部，直接上级为物业项目经理，下辖水电工、空调工若干名。主要职责包括：制定小区公共设备设施的"
                  "维护保养计划并组织实施；负责电梯、消防、供水等系统的日常巡检和应急维修；审核维修材料采购申请，控制维修成本；"
                  "组织工程人员进行安全操作培训。任职者需具有中专以上学历，机电、暖通类专业，三年以上物业工程管理经验，持有电工证。",
                  indent=21)
    path.write_bytes(pdf.bytes())



@document("prose-04-audit-posting.docx")
def build_audit_posting(path: Path) -> None:
    """A posting written as paragraphs under no heading: the company's line with the position,
    a recruiting sentence, then one paragraph each for the work, the candidate, the offer and
    how to apply."""
    doc = new_docx("招聘审计专员")
    para(doc, "青禾食品集团股份有限公司招聘审计专员", bold=True, size=15, font=HEADING_FONT, align=CENTER)
    para(doc)
    para(doc, "为加强内部控制，集团审计监察部现面向社会招聘审计专员2名，欢迎符合条件的人士报名。")
    para(doc, "审计专员主要负责集团各子公司的财务收支审计和经济责任审计，跟踪审计发现问题的整改落实，"
              "并按季度撰写内部审计报告。")
    para(doc, "应聘人员须具有审计、会计或财务管理专业本科及以上学历，取得注册会计师或内部审计师资格者优先；"
              "三年以上审计或财务工作经验，能适应经常出差。")
    para(doc, "公司为员工缴纳六险二金，提供免费工作餐和员工宿舍，月薪6000元-9000元。")
    para(doc, "有意者请于2024年5月31日前将简历发送至青禾集团人力资源部邮箱，联系人：周先生。")
    save_docx(doc, path)


# Several positions in one notice, each in a paragraph that opens with its recruiting sentence;
# the work and the candidate are told in sentences, the place with 在.
text_document("prose-05-credit-union.txt", """\
启明农村信用合作社2024年招聘简章

本社因业务发展需要，现招聘信贷员3名。信贷员的工作是开展农户和小微企业贷款的调查、审查与贷后管理，按时完成不良贷款清收任务。我们希望您拥有金融学或经济学专业全日制大专以上学历，年龄在30周岁以下，有农村金融工作经历者优先。工作地点在启明县各乡镇网点。

本社同时招聘综合柜员6名。该岗位主要负责办理存取款、转账结算等柜面业务，做好客户咨询和业务营销。应聘者须具备中专及以上学历，持有会计或金融类资格证书，具有较强的服务意识。工作地点在启明县城区营业部。

薪酬待遇按本社薪酬管理办法执行，享受带薪年假、补充医疗保险等福利。
""")


# A Markdown leaflet: each position one bold line with its count and pay in brackets and tails,
# then bullets mixing duties with requirements; the place and the perks close the leaflet.
text_document("leaflet-05-print-shop.md", """\
# 墨彩印务有限公司 诚聘

**【印刷机长】1名  月薪9000-12000元**
- 负责海德堡四色印刷机的操作与日常保养
- 5年以上胶印机操作经验，持特种设备操作证
- 年龄25-45岁

**【装订工】3名  月薪4500-5500元+计件**
- 负责画册、书刊的折页、装订与包装
- 20-45岁，能适应两班倒

**【跟单文员】若干  面议**
- 负责订单录入、生产进度跟踪与客户对接
- 中专以上学历，熟练使用Excel

**工作地点：** 东莞市长安镇振安中路168号
""")


# A posting written for a phone: emoji open every line (a bullet, a keycap number, a field's
# icon), a 🔥-wrapped title carries an 【急招】 tag, and the company line stands under the title.
text_document("leaflet-06-wechat-emoji.txt", """\
🔥【急招】奶茶店店长 🔥

🏠 茶语时光餐饮管理有限公司
📍工作地点：杭州市西湖区文三路
💰薪资：6000-9000元/月 + 提成
⏰工作时间：早班9:00-18:00，晚班13:00-22:00

✅岗位职责：
1️⃣ 负责门店日常运营管理
2️⃣ 负责员工排班与培训
3️⃣ 完成门店销售目标

✅任职要求：
👉 高中及以上学历
👉 2年以上餐饮门店管理经验
👉 性格开朗，有责任心

📞联系电话：138-0000-1234（王小姐）
""")


# A job description written as prose, one paragraph per part: the reporting line (隶属于,
# 直接上级为, 下属有 with counts), the duties after 本岗位的主要职责是：, the requirements after
# 担任本岗位须具备, the hours and the place.
text_document("prose-06-finance-narrative.txt", """\
财务主管岗位说明

财务主管隶属于财务部，直接上级为财务经理，下属有会计2名、出纳1名。

本岗位的主要职责是：组织公司日常会计核算工作，审核记账凭证；编制月度、季度和年度财务报表；负责纳税申报与税务筹划；监督公司资金收支，参与预算编制与执行分析。

担任本岗位须具备会计学、财务管理等相关专业本科以上学历，持有中级会计师证书，5年以上企业财务工作经验，其中2年以上主管经验；熟悉国家财税法规，熟练使用用友或金蝶财务软件。

本岗位工作时间为标准工时制，工作地点为公司总部。
""")


# A department's positions described in prose under numbered names: each paragraph opens with the
# position and whom it works under (在…领导下工作, 向…汇报), then the work and the requirements.
text_document("prose-07-admin-narratives.txt", """\
行政部岗位说明

一、行政主管
行政主管在行政经理领导下工作，负责公司行政事务的统筹安排，包括办公环境管理、会议组织、固定资产管理和后勤保障。任职者应具有大专以上学历，3年以上行政管理经验，具备良好的组织协调能力。

二、前台接待
前台接待向行政主管汇报，负责来访客人的接待登记、电话转接、快递收发以及会议室预订。任职者应具有中专以上学历，形象气质佳，普通话标准。
""")


# A job board's page copied as text: the title line with the pay, a tag line (place | years |
# degree), the company, then 岗位职责 and 任职要求 that restate the degree and the years in full.
text_document("board-01-tag-line.txt", """\
数据分析师 15-25K·14薪
北京 | 3-5年 | 本科
字节跳动
职位描述
岗位职责：
1. 负责抖音电商业务的数据分析，搭建指标体系；
2. 通过数据挖掘发现业务问题，输出分析报告；
3. 与产品、运营团队合作推动策略落地。
任职要求：
1. 统计学、数学、计算机相关专业本科及以上学历；
2. 3年以上互联网数据分析经验；
3. 精通SQL，熟悉Python或R。
""")


# A job board's page in Markdown: tags between slashes (pay / place / years / degree / kind),
# 职位诱惑 (the perks), 工作地址 over the street address.
text_document("board-02-tag-line-slashes.md", """\
## 高级Java开发工程师
**20k-35k / 上海 / 经验5-10年 / 本科及以上 / 全职**

职位诱惑：
六险一金，弹性工作，免费三餐

职位描述：
工作职责：
- 负责核心交易系统的设计与开发
- 参与系统架构优化

任职资格：
- 5年以上Java开发经验
- 熟悉Spring Cloud微服务架构

工作地址
上海 - 浦东新区 - 世纪大道100号
""")


# A position's name alone on the first line, then paragraphs about it: the position as the
# subject of its work (…负责…，向…汇报。其主要职责包括…), then 该职位要求候选人具有….
text_document("prose-08-title-line-prose.txt", """\
财务经理

财务经理负责公司的财务管理工作，向财务总监汇报。其主要职责包括制定年度财务预算，监控预算执行情况；组织编制财务报表并进行财务分析；管理公司资金，确保资金安全；协调与银行、税务等外部机构的关系。

该职位要求候选人具有财务、会计相关专业本科以上学历，持有注册会计师资格者优先，8年以上财务管理经验，其中3年以上同等职位经验，熟悉企业会计准则和税法。
""")


# No title line at all: a sentence that seeks the person (我们正在寻找一位…的财务分析师加入…),
# a paragraph of the work (在这个职位上，你将负责…), the ideal candidate, what is offered.
text_document("prose-09-seeking-sentence.txt", """\
我们正在寻找一位经验丰富的财务分析师加入我们的团队。

在这个职位上，你将负责编制月度经营分析报告，建立财务模型，支持业务部门的预算管理和投资决策。

理想的候选人应具有金融或会计专业硕士学历，3年以上财务分析经验，精通Excel建模，具备CFA资格者优先。

我们提供有竞争力的薪酬、年度奖金和完善的培训体系。
""")


# A public institution's recruitment notice: one line per position, label：value pairs parted by
# commas, the position's code before its name.
text_document("notice-01-public-hospital.txt", """\
某市人民医院2024年公开招聘工作人员公告

根据工作需要，经研究决定，面向社会公开招聘工作人员，现将有关事项公告如下：

一、招聘岗位及条件
岗位代码：A01，岗位名称：会计，招聘人数：1人，学历要求：本科及以上，专业要求：会计学、财务管理，年龄要求：35周岁以下。
岗位代码：A02，岗位名称：护士，招聘人数：5人，学历要求：大专及以上，专业要求：护理学，年龄要求：30周岁以下，须持有护士执业资格证。

二、报名方式
请将简历发送至邮箱hr@example.com。
""")


# A posting whose pipe table of openings has no header row: GFM reads its first row as the
# header, and each row is a position (name | count | requirements | city).
text_document("md-08-headerless-pipe-table.md", """\
# 青禾软件 2024 春季招聘

| 前端开发工程师 | 2人 | 本科及以上学历，3年以上前端开发经验 | 成都 |
|---|---|---|---|
| 测试工程师 | 1人 | 大专及以上学历，熟悉自动化测试工具 | 成都 |
| 运维工程师 | 1人 | 本科及以上学历，2年以上Linux运维经验 | 重庆 |

简历请发送至 hr@qinghe.example.com，邮件标题注明"应聘岗位+姓名"。
""")


# Official prose: the position by the tail of its name (档案室管理员 → 管理员) and whom it works
# under, then duties enumerated 一是…；二是…；三是… in one paragraph, then the conditions.
text_document("prose-14-official-enumeration.txt", """\
档案室管理员岗位职责

管理员在局办公室主任的领导下开展工作。其主要职责：一是负责局机关文书档案和不动产登记档案的接收、整理和归档；二是负责档案的借阅登记和利用服务；三是做好档案库房的防火、防潮和防虫工作；四是完成领导交办的其他工作。

任职条件：大专及以上学历，档案学、图书情报专业优先，熟悉档案管理相关法规，能熟练使用办公软件。
""")


# A university's notice: each position with one ``名称：值`` line per field, some fields known
# (招聘人数, 岗位要求) and one the lexicon does not know (研究方向).
text_document("notice-05-university-field-lines.txt", """\
江城理工大学2024年专业技术人员招聘公告

一、招聘岗位

（一）实验员
招聘人数：2人
研究方向：材料表征与分析测试
岗位要求：硕士研究生及以上学历，材料科学与工程相关专业，年龄35周岁以下。

（二）辅导员
招聘人数：3人
研究方向：大学生思想政治教育
岗位要求：硕士研究生及以上学历，中共党员，年龄30周岁以下。

二、报名方式
应聘者请将个人简历发送至 rsc@example.edu.cn。
""")


# A job board's posting with one numbered list under 职位描述: the work first, then what is
# asked, in the same run of numbers.
text_document("board-04-one-list-work-then-asks.txt", """\
职位：电商运营专员
薪资：6-9K
地点：杭州

职位描述：
1. 负责天猫、京东店铺的日常运营和维护；
2. 策划并执行店铺促销活动，提升店铺流量和转化率；
3. 分析店铺运营数据，提出优化方案；
4. 大专及以上学历，1年以上电商运营经验；
5. 熟悉天猫、京东平台规则，有数据分析能力；
6. 有服装类目运营经验者优先。
""")


# A form whose title puts the document word first and the position after a dash, under an
# attachment's number.
text_document("form-05-title-after-doc-word.txt", """\
附件2：

职位说明书——区域销售经理

所属部门：销售部
直接上级：销售总监
直接下级：销售代表

职位概要：负责华东区域的市场开拓和销售管理，完成公司下达的销售指标。

工作职责：
1. 制定区域销售计划并组织实施；
2. 开发和维护重点客户，处理客户投诉；
3. 管理、培训和考核区域销售团队。

任职资格：
1. 本科及以上学历，市场营销相关专业；
2. 5年以上快消品销售经验，3年以上团队管理经验。
""")


# A form whose indicators are lines, not a table: each names the indicator, its weight in
# brackets and its target after a colon.
text_document("form-06-kpi-lines.txt", """\
客服主管岗位说明书

所属部门：客户服务部
直接上级：客户服务部经理

岗位职责：
1. 负责客服团队的日常管理和排班；
2. 处理客户重大投诉，跟踪问题解决；
3. 组织客服人员的业务培训。

考核指标：
1. 客户满意度（权重30%）：不低于95%；
2. 投诉处理及时率（权重40%）：24小时内处理完毕；
3. 团队人员流失率（权重30%）：低于10%。
""")


# A department's compilation that says whom each position reports to in a different way: a
# 汇报关系 line in prose, 对…负责 in the role's first sentence, a 报告对象 label.
text_document("form-07-reporting-phrases.txt", """\
财务部岗位说明书

一、财务经理
汇报关系：向财务总监汇报
岗位职责：
1. 组织编制年度财务预算并监督执行；
2. 审核公司各项费用支出。

二、会计
本岗位对财务经理负责。
岗位职责：
1. 负责总账核算和月度结账；
2. 编制月度财务报表。

三、出纳
报告对象：财务经理
岗位职责：
1. 办理现金收付和银行结算业务；
2. 登记现金日记账和银行存款日记账。
""")


def hard_wrapped(text: str, columns: int) -> str:
    """``text`` as a PDF's text layer copied out gives it: every line cut at ``columns`` display
    columns (a full-width character takes two), no line opening with a mark that may not open one."""
    out: list[str] = []
    for line in text.splitlines():
        while sum(2 if ord(ch) > 0x2E7F else 1 for ch in line) > columns:
            cut, used = 0, 0
            while used + (2 if ord(line[cut]) > 0x2E7F else 1) <= columns:
                used += 2 if ord(line[cut]) > 0x2E7F else 1
                cut += 1
            while line[cut] in "，。；、：）":
                cut -= 1
            out.append(line[:cut])
            line = line[cut:]
        out.append(line)
    return "\n".join(out) + "\n"


# A job description whose text was copied out of a PDF: every line cut at the page's width
# (56 columns), inside list items of both the duties and the requirements.
text_document("pdftext-01-wrapped-lines.txt", hard_wrapped("""\
销售内勤岗位说明书

一、岗位职责
1. 负责销售订单的录入、审核和跟踪，及时与客户沟通确认交货期及发货信息；
2. 负责销售合同的整理、归档和管理，定期核对应收账款并协助销售人员催收货款；
3. 完成部门经理交办的其他工作。

二、任职要求
1. 大专及以上学历，市场营销、电子商务等相关专业；
2. 1年以上销售内勤或文员工作经验，熟练使用办公软件及ERP系统，会做数据透视表；
3. 工作细心，责任心强。
""", 56))


# A state firm's notice written section by section: 岗位职责 names each position under it
# (（一）管网巡检员 / 1.… / （二）水质化验员 / …), and so do 任职条件 and 薪酬待遇; the list of
# openings at the top gives the counts.
text_document("notice-03-sections-by-position.txt", """\
某市供水集团有限公司2024年社会招聘公告

因生产经营需要，现面向社会公开招聘一线技术人员，有关事项公告如下：

一、招聘岗位
1. 管网巡检员 3名
2. 水质化验员 2名

二、岗位职责
（一）管网巡检员
1. 按巡检路线对供水管网、阀门及消火栓进行日常巡查；
2. 及时发现并上报管网漏损、违章占压等情况；
3. 配合抢修班组完成管道抢修作业。
（二）水质化验员
1. 按国家标准对出厂水和管网水进行取样检测；
2. 做好化验仪器的日常维护和校准；
3. 填写检测原始记录并编制水质日报。

三、任职条件
（一）管网巡检员
1. 中专及以上学历，给排水、市政工程相关专业；
2. 年龄在20至40周岁之间；
3. 能适应野外作业和夜间值班。
（二）水质化验员
1. 大专及以上学历，环境工程、化学分析相关专业；
2. 2年以上水质检测工作经验；
3. 持有化学检验工职业资格证书者优先。

四、薪酬待遇
试用期3个月，转正后月薪4500-6500元，缴纳五险一金。

五、报名方式
请于2024年6月30日前将报名表发送至 zhaopin@water.example.cn。
""")


# An internal competition notice (内部竞聘): the positions listed with their counts, then one
# line per position under 竞聘条件 and again under 岗位职责 (``岗位名称：…``).
text_document("notice-04-internal-competition.txt", """\
关于开展部分中层岗位内部竞聘的通知

各部门、各分公司：

为进一步加强干部队伍建设，经公司研究决定，对以下岗位开展内部竞聘。现将有关事项通知如下：

一、竞聘岗位
1. 安全环保部副部长（1名）
2. 物资采购部主管（2名）

二、竞聘条件
安全环保部副部长：本科及以上学历，安全工程、环境工程相关专业，8年以上安全管理工作经验，持有注册安全工程师证书。
物资采购部主管：大专及以上学历，5年以上物资采购工作经验，熟悉招投标法律法规。

三、岗位职责
安全环保部副部长：协助部长组织公司安全生产和环境保护管理；负责安全隐患排查治理的监督检查；组织开展应急演练。
物资采购部主管：负责年度物资采购计划的编制与执行；组织供应商评价；负责采购合同的签订和履约跟踪。

四、报名方式
符合条件的员工请于7月15日前将竞聘报名表报送人力资源部。

人力资源部
2024年7月1日
""")


# One paragraph, all of it prose: the employer as the subject of the recruiting sentence, the
# position's unit as a value that a comma ends (隶属于运输部，) before whom it reports to
# (直接向…汇报) and its work, a heading phrase running into its sentence (应聘者需具备…), and a
# sentence of pay and perks after it.
text_document("prose-10-company-subject.txt", """\
青岛远航冷链物流有限公司因业务扩展需要，现面向社会招聘调度主管1名。该岗位隶属于运输部，直接向运输部经理汇报，主要负责车辆调度计划的编制与执行，跟踪在途车辆并处理运输异常。应聘者需具备大专及以上学历，3年以上物流调度经验，年龄在25至40周岁之间。公司提供月薪7000-9000元，缴纳五险一金，提供员工宿舍。有意者请将简历发送至hr@yuanhang-cold.cn。
""")


# No title line and no recruiting sentence: the position is the subject of the first sentence
# (采购专员是…的基层岗位，向…汇报，负责…), and the paragraphs say what it does and asks.
text_document("prose-11-subject-first.txt", """\
采购专员是公司采购部的基层岗位，向采购经理汇报，负责原辅材料的询价、比价和下单工作。采购专员还需跟踪订单交期，协调供应商处理来料质量问题，并按月整理采购台账。

担任该职务者应具有物流管理或工商管理专业大专以上学历，两年以上制造业采购经验，熟悉ERP系统操作。
""")


# A shop's notice: one line per position, its count glued to its name, then its terms clause
# after clause (an age, requirements, a wish, pay, a perk); the place to apply is no work place.
text_document("leaflet-07-counted-lines.txt", """\
招聘

本超市因新店开业，现招聘以下人员：
理货员6名，18-45岁，身体健康，能适应早晚班，月薪3800元；
生鲜主管1名，要求5年以上生鲜管理经验，大专以上学历，月薪8000-10000元；
收银员3名，女性优先，高中以上学历，月薪3500-4200元，包午餐。
报名地点：合肥市蜀山区长江西路168号超市办公室，电话：0551-65552323。
""")


# The same kind of notice with numbered lines, the count after a colon (厨师长：1名，), 若干名
# (no number), gender words, a wish among the terms, 面议 and a perk.
text_document("leaflet-08-numbered-counted-lines.txt", """\
桂林漓江人家餐饮有限公司招聘
一、厨师长：1名，5年以上酒楼厨房管理经验，擅长桂菜，薪资面议。
二、楼面经理：2名，28-45岁，大专以上学历，有连锁餐饮管理经验者优先，月薪7000-9000元。
三、传菜员：若干名，18-40岁，男女不限，月薪3200-3800元，包食宿。
四、收银员：1名，女，高中以上学历，月薪3500元。
报名时间：即日起至招满为止。
""")


# Bulleted positions with their count in brackets (● 会计（1人）), each with a 职责： line that is
# one duty listing its objects with 、 and a 要求： line; the pay closes the leaflet.
text_document("leaflet-09-bulleted-counts.txt", """\
诚聘英才

● 出纳（1人）
职责：负责现金收付、银行对账及票据保管；
要求：财务相关专业，大专及以上学历，1年以上出纳工作经验。

● 销售内勤(2名)
职责：负责合同录入、发货跟踪及客户回款核对；
要求：中专以上学历，熟悉办公软件，做事细心。

待遇：月薪4000-6000元，缴纳社保，单休。
地址：东莞市寮步镇香市路28号  电话：0769-83331234
""")


# Numbered positions, each with one paragraph under it that says what the job does and then,
# from a sentence that opens with 要求, what it asks; the pay as a label at the paragraph's end.
text_document("leaflet-10-paragraph-per-position.txt", """\
苏州禾木文化传播有限公司招聘

一、活动策划（2名）
负责企业年会、发布会等活动的方案策划与现场执行；对接场地及供应商资源，控制活动预算。要求大专以上学历，2年以上活动策划经验，能适应出差。薪资：月薪6000-9000元。

二、平面设计师（1名）
负责活动物料及公司宣传品的视觉设计，配合策划完成提案。要求视觉传达相关专业本科以上学历，熟练使用PS、AI等设计软件。薪资：月薪7000-10000元。

工作地点：苏州市姑苏区人民路200号
""")


# A department's positions described in prose, one paragraph each: each opens with the position
# as its subject (工程部经理全面负责…, 电工负责…), then 任职者需具有… asks. The sentence that
# lists the positions and their numbers is the department's, no role's.
text_document("prose-12-department-positions.txt", """\
工程部岗位设置说明

工程部设工程部经理一名、电工三名、空调技工两名。

工程部经理全面负责酒店设施设备的运行管理，制定年度维修保养计划，控制能耗与维修费用。任职者需具有机电相关专业大专以上学历和五年以上酒店工程管理经验。

电工负责酒店供配电系统的日常巡检与维修，做好用电安全记录。任职者需持有电工操作证，具有两年以上电工工作经验。

空调技工负责中央空调机组的运行操作与保养，处理客房空调报修。任职者需具有中专以上学历，熟悉制冷设备原理。
""")


# A title line that is a sentence about the position (…的工作内容), then prose: the position as
# subject with 主要负责 (its paragraph mentions 简历 and 面试 as work), and what it takes.
text_document("prose-13-what-the-job-is.txt", """\
招聘专员的工作内容

招聘专员主要负责公司一线岗位的招聘工作。招聘专员需要根据门店的用人需求发布招聘信息，筛选简历并组织面试；跟进候选人的入职安排；统计各渠道的招聘效果。

要胜任这个岗位，一般需要人力资源管理或工商管理专业大专以上学历，一年以上招聘工作经验，能接受经常外出参加招聘会。
""")


# A posting copied from a job board's page: the name, the pay on the line under it, the tags set
# apart by spaces (city, years, degree), keyword tags under 职位描述, the sections, the address,
# and the employer's card (name, then industry · size · funding).
text_document("board-03-copied-page.txt", """\
供应链计划经理
20-30K·14薪
深圳 5-10年 本科

职位描述
供应链 计划 S&OP
岗位职责：
1、负责产销协同计划的制定与滚动更新，组织月度S&OP会议；
2、监控库存周转与缺货率，推动计划异常的闭环处理；
3、带领计划团队完成需求预测与物料计划。
任职要求：
1、5年以上消费电子行业计划管理经验；
2、熟练使用SAP系统，具备较强的数据分析能力。

工作地址
深圳市南山区科技园南区

深圳星河智联电子有限公司
消费电子 · 1000-9999人 · 已上市
""")


# A Hong Kong posting: the title line has the recruiting word, the Chinese name and its English
# name (誠聘 會計文員 Accounts Clerk); pay with HK$ and thousands separators.
text_document("trad-04-hk-bilingual-title.txt", """\
誠聘 出納文員 Cashier Clerk

職責：
- 處理日常現金收支及存款
- 核對銀行月結單
- 協助整理付款憑證

要求：
- 一年相關工作經驗
- 懂中英文電腦輸入及Excel

待遇：五天工作、醫療保險、有薪年假
薪金：HK$15,000 - 17,000
有意者請將履歷電郵至 hr@example.com.hk
""")


# A factory's notice: a 招聘岗位 line listing the openings with their counts, then one line per
# position — its name, a colon and its terms clause after clause (no count there).
text_document("leaflet-11-openings-then-terms.txt", """\
急聘

招聘岗位：注塑工15名、品检员4名、物料员2名

注塑工：18-45岁，男女不限，能适应两班倒，计件工资，月均6500-8500元。
品检员：高中以上学历，1年以上品检经验，月薪5200-6000元。
物料员：会使用电脑，有物料管理经验者优先，月薪4800-5500元。

公司提供免费住宿，缴纳社保。
面试地址：佛山市顺德区容桂街道华口工业区3号
""")


# A courier depot's notice: one starred line per position, its name and count set apart by a
# space (若干名 is no number), then 要求： and 待遇： on the same line.
text_document("leaflet-12-starred-lines.txt", """\
本站点长期招聘：
★ 派送员 若干名 要求：20-45岁，有电动车驾驶经验 待遇：底薪+提成，月入7000-11000元
★ 分拣员 12名 要求：18-50岁，男女不限，能上夜班 待遇：时薪22元，月结
★ 客服专员 2名 要求：大专以上学历，普通话标准 待遇：4200-5200元/月
""")


# A department's positions, one numbered line each: the name, a colon, and its work opening with a
# duty verb (the title line names the department's positions' duties, no position).
text_document("lines-01-department-positions.txt", """\
仓储部各岗位职责

一、仓储主管：全面负责仓库的收发存管理，制定盘点计划并组织实施，审核出入库单据。
二、仓管员：负责物料的验收入库和发放，登记库存台账，做好库区5S管理。
三、叉车工：负责货物的装卸与搬运，每日检查叉车状况并做好保养记录。
""")


# A posting written as questions and answers: each Q names the part its answer is (the work, the
# person, the pay, the place); A： marks the answer.
text_document("md-07-questions-and-answers.md", """\
# 招聘｜用户研究员

**Q：这个岗位做什么？**

A：负责用户访谈与可用性测试的设计和执行；整理研究结论并推动产品改进；建立用户画像与体验指标体系。

**Q：需要什么样的人？**

A：心理学、社会学或人机交互相关专业硕士及以上学历；3年以上用户研究经验；有B端产品研究经验者优先。

**Q：待遇怎么样？**

A：月薪20K-30K，六险一金，带薪年假。

**Q：在哪里上班？**

A：上海市杨浦区创智天地。
""")


# A Markdown posting that talks to the reader: the heading is a seeking sentence (我们在找一位…),
# the sections are questions and promises (你会做什么 / 我们希望你 / 我们能给你).
text_document("md-06-talking-headings.md", """\
# 我们在找一位新媒体运营

## 你会做什么
- 负责公司微信公众号和视频号的日常内容策划与发布
- 跟踪数据表现，每周输出运营复盘
- 策划线上互动活动，提升粉丝活跃度

## 我们希望你
- 大专及以上学历，新闻学、汉语言文学及其相关专业
- 1年以上新媒体运营经验
- 有短视频剪辑经验者优先

## 我们能给你
- 月薪6000-9000元
- 五险一金、周末双休、节日福利

工作地点：厦门市思明区软件园二期
""")


@document("仓库管理员岗位职责.docx")
def build_title_in_filename(path: Path) -> None:
    doc = new_docx("岗位职责")
    numbering = Numbering(doc)
    abs_id = numbering.abstract("1A2B3C21", level(0, "decimal", "%1、"))
    para(doc, "岗位职责", bold=True, size=12)
    num = numbering.num(abs_id)
    for duty in ("负责原材料、成品的入库验收和出库发放，做到手续齐全、数量准确；",
                 "按区域、类别对物料进行定置摆放和标识；",
                 "每月末配合财务部进行盘点，编制盘点报表；",
                 "做好仓库防火、防盗、防潮工作；",
                 "完成上级交办的其他工作。"):
        numbered(para(doc, duty), num)
    para(doc, "任职要求", bold=True, size=12)
    num = numbering.num(abs_id, restart=True)
    for item in ("高中及以上学历；", "一年以上仓库工作经验，熟悉用友或金蝶进销存系统；", "责任心强，工作细致。"):
        numbered(para(doc, item), num)
    save_docx(doc, path)


# =======================================================================================
# 6. Role-card compilations
# =======================================================================================

CHEMICAL_CARDS = [
    {
        "number": "JD-SC-001", "date": "2023年5月10日",
        "title": "生产部经理", "code": "SC-01", "department": "生产部", "headcount": "1人",
        "reports_to": "生产副总经理", "direct_reports": "车间主任、生产计划员",
        "purpose": "组织全厂生产计划的编制与执行，确保产品按期、保质、安全、低耗地完成。",
        "duties": [
            "根据公司年度经营目标编制月度生产计划，并组织各车间实施",
            "协调原料供应、设备维修与生产进度，解决生产过程中的重大问题",
            "组织制定和修订工艺操作规程，监督各车间严格执行",
            "控制生产成本，分析物料及能源消耗，提出降耗措施",
            "负责部门人员的培训与绩效考核",
        ],
        "safety": [
            "对本部门的安全生产工作负全面领导责任",
            "组织制定部门安全生产责任制和操作规程，并监督落实",
            "每月组织一次部门安全检查，督促隐患整改闭环",
            "发生事故时立即组织抢救并按规定上报，参与事故调查",
        ],
        "authorities": ["1．对生产计划调整有决定权；", "2．对车间主任的考核有评价权；",
                        "3．对违反工艺纪律的行为有处罚建议权。"],
        "quals": [("学历", "本科及以上", "专业", "化学工程与工艺、应用化学"),
                  ("工作经验", "8年以上化工生产管理经验", "年龄", "35-50岁")],
        "other": "持有注册安全工程师证书者优先",
        "kpis": [("生产计划完成率", "30%", "≥98%"), ("产品一次合格率", "25%", "≥99%"),
                 ("单位产品综合能耗", "20%", "较上年下降3%"), ("安全生产事故", "25%", "0起")],
        "incumbent": "王建国", "signed": "2023年5月12日",
    },
    {
        "number": "JD-SC-002", "date": "2023年5月10日",
        "title": "合成车间主任", "code": "SC-02", "department": "生产部", "headcount": "2人",
        "reports_to": "生产部经理", "direct_reports": "班长、操作工",
        "purpose": "组织合成车间各班组完成生产任务，保证装置安全、稳定、经济运行。",
        "duties": [
            "分解落实生产部下达的生产计划，合理安排班组作业",
            "检查工艺指标执行情况，及时处理装置异常工况",
            "组织车间设备的日常维护，配合设备部完成检修",
            "负责车间原料、辅料的领用和消耗统计",
            "组织班组长开展岗位技能培训和交接班管理",
        ],
        "safety": [
            "对本车间的安全生产工作负直接领导责任",
            "组织开展班组安全活动和岗位安全培训",
            "审批车间动火、受限空间等特殊作业票，落实现场监护",
            "每日巡查车间安全状况，发现隐患立即组织整改",
        ],
        "authorities": ["1．对班组生产任务的安排有决定权；", "2．对违章作业有制止和处罚权；",
                        "3．对班长的任免有建议权。"],
        "quals": [("学历", "大专及以上", "专业", "化工相关专业"),
                  ("工作经验", "5年以上化工装置操作经验，其中2年以上班组管理经验", "年龄", "30-45岁")],
        "other": "持有危险化学品特种作业操作证",
        "kpis": [("车间产量计划完成率", "30%", "≥100%"), ("工艺指标合格率", "25%", "≥98%"),
                 ("设备完好率", "20%", "≥95%"), ("轻伤及以上事故", "25%", "0起")],
        "incumbent": "刘海波", "signed": "2023年5月12日",
    },
    {
        "number": "JD-SC-003", "date": "2023年5月11日",
        "title": "安全员", "code": "SC-05", "department": "生产部", "headcount": "1人",
        "reports_to": "生产部经理", "direct_reports": "无",
        "purpose": "监督落实生产现场的各项安全管理制度，预防和减少生产安全事故。",
        "duties": [
            "编制部门年度安全培训计划并组织实施",
            "建立和更新安全生产台账、危险源清单",
            "组织应急预案演练，评估演练效果",
            "统计分析安全生产数据，每月编写安全简报",
        ],
        "safety": [
            "监督检查各车间执行安全操作规程的情况",
            "对查出的事故隐患开具整改通知单并跟踪复查",
            "参与特殊作业的安全条件确认和现场监督",
            "参与事故调查，提出防范措施建议",
        ],
        "authorities": ["1．对违章指挥、违章作业有制止权；", "2．对存在重大隐患的作业有责令停止权；",
                        "3．对安全奖惩有建议权。"],
        "quals": [("学历", "中专及以上", "专业", "安全工程相关专业"),
                  ("工作经验", "三年以上化工企业安全管理经验", "年龄", "25-45岁")],
        "other": "持有安全生产管理人员资格证",
        "kpis": [("隐患整改闭环率", "40%", "100%"), ("安全培训计划完成率", "30%", "100%"),
                 ("安全台账完整率", "30%", "100%")],
        "incumbent": "", "signed": "",
    },
]


@document("cards-01-chemical.docx")
def build_chemical_cards(path: Path) -> None:
    doc = new_docx("岗位说明书汇编")
    para(doc, "华兴化工（南通）有限公司", bold=True, size=18, font=HEADING_FONT, align=CENTER)
    para(doc, "生产部岗位说明书汇编", bold=True, size=16, font=HEADING_FONT, align=CENTER)
    para(doc, "（2023年版）", align=CENTER)
    for n, card in enumerate(CHEMICAL_CARDS):
        if n:
            doc.add_page_break()
        para(doc, "岗位说明书", bold=True, size=14, font=HEADING_FONT, align=CENTER)
        table = grid_table(doc, 4, [3.0, 5.0, 3.0, 5.0])
        row_of(table, ["编号", card["number"], "填报日期", card["date"]], bold_cols=(0, 2))
        row_of(table, ["岗位名称", card["title"], "岗位编号", card["code"]], bold_cols=(0, 2))
        row_of(table, ["所属部门", card["department"], "岗位定员", card["headcount"]], bold_cols=(0, 2))
        row_of(table, ["直接上级", card["reports_to"], "直接下级", card["direct_reports"]], bold_cols=(0, 2))
        row_of(table, ["岗位目的", card["purpose"], None, None], bold_cols=(0,))
        section_row(table, "岗位职责")
        row_of(table, ["序号", "职责内容", None, None], bold_cols=(0, 1))
        for i, duty in enumerate(card["duties"], start=1):
            row_of(table, [str(i), duty, None, None])
        section_row(table, "安全生产责任")
        for i, duty in enumerate(card["safety"], start=1):
            row_of(table, [str(i), duty, None, None])
        section_row(table, "岗位权限")
        row_of(table, [card["authorities"], None, None, None])
        section_row(table, "任职资格")
        for quad in card["quals"]:
            row_of(table, list(quad), bold_cols=(0, 2))
        row_of(table, ["其他要求", card["other"], None, None], bold_cols=(0,))
        section_row(table, "关键绩效指标")
        row_of(table, ["指标名称", None, "权重", "目标值"], bold_cols=(0, 2, 3))
        for name, weight, target in card["kpis"]:
            row_of(table, [name, None, weight, target])
        row_of(table, ["任职者姓名", card["incumbent"], "任职者签字", ""], bold_cols=(0, 2))
        row_of(table, ["直接上级签字", "", "日期", card["signed"]], bold_cols=(0, 2))
    save_docx(doc, path)


WATER_CARDS = [
    ("第一条　营业厅主管", "客户服务中心主任",
     ["负责营业厅日常运营管理，合理安排窗口人员排班，确保营业时间内服务不间断。",
      "受理用户开户、过户、销户及水表报装业务，审核相关资料的完整性和真实性，对资料不全的申请一次性告知需补充的材料。",
      "处理营业厅现场投诉和热线转办工单，做到当日受理、限时办结并回访。",
      "组织营业厅人员开展服务礼仪和业务知识培训，每季度组织一次业务考试。",
      "每月汇总营业收费、工单办理等数据，编制营业月报报送中心主任。",
      "完成上级领导交办的其他工作。"],
     ["贯彻执行公司安全生产管理制度，对营业厅的安全工作负直接管理责任。",
      "每周检查营业厅消防器材、用电线路及监控设备，发现隐患及时整改。",
      "组织营业厅人员参加消防演练和应急疏散演练。",
      "负责营业厅现金及票据的安全管理，落实双人交接制度。"],
     "大专及以上学历，三年以上窗口服务或营业管理工作经验。"),
    ("第二条　抄表员", "营业厅主管",
     ["按抄表周期完成责任片区水表的抄读工作，确保抄见率和准确率。",
      "发现水表停走、倒转、损坏、表井积水等异常情况时，现场拍照记录并通过抄表终端填报异常工单。",
      "核对用户信息，对零水量、水量突增用户进行现场核查。",
      "向用户宣传节约用水和安全用水知识，发放缴费通知单。"],
     ["严格遵守入户抄表安全规范，进入地下表井前先通风检测。",
      "雨雪天气外出作业时做好防滑防摔措施。",
      "驾驶电动车出行时遵守交通法规，佩戴安全头盔。"],
     "高中及以上学历，一年以上相关工作经验，能熟练使用智能抄表终端。"),
    ("第三条　管网巡检员", "客户服务中心主任",
     ["按巡检路线对供水管网、阀门井、消火栓进行日常巡查，做好巡检记录。",
      "发现管道漏水、井盖缺失、违章占压等问题时立即上报，并在现场设置警示标志。",
      "配合抢修班组做好爆管抢修现场的关阀停水和交通疏导工作。",
      "对辖区内施工工地进行管线交底和现场监护，防止第三方施工损坏管网。"],
     ["对本人巡检过程中的作业安全负责，按规定穿戴反光背心、安全帽等劳动防护用品。",
      "进入有限空间作业前严格执行先通风、再检测、后作业的规定，并设专人监护，作业过程中保持与外部人员的通讯畅通。",
      "夜间巡检时须两人同行，随身携带照明及通讯设备。",
      "发现燃气泄漏等危险情况时立即撤离并报告，不得擅自处置。"],
     "中专及以上学历，给排水、市政工程等相关专业，两年以上管网巡检或维修经验。"),
]


@document("cards-02-water-utility.pdf")
def build_water_cards_pdf(path: Path) -> None:
    pdf = PdfLayout(header="城东水务有限公司企业标准　Q/CDSW 204-2023　客户服务中心岗位职责")
    pdf.paragraph("客户服务中心岗位职责", size=18, center=True)
    pdf.paragraph("1　范围", size=12, space_before=12)
    pdf.paragraph("本标准规定了城东水务有限公司客户服务中心各岗位的职责、安全职责和任职条件。本标准适用于客户服务中心"
                  "营业、抄表及管网巡检岗位。", indent=21)
    pdf.paragraph("2　岗位职责", size=12, space_before=12)
    for heading, boss, duties, safety, quals in WATER_CARDS:
        pdf.paragraph(heading, size=13, space_before=10)
        pdf.paragraph(f"直接上级：{boss}", size=12)
        pdf.paragraph("（一）岗位职责", size=12)
        for i, duty in enumerate(duties, start=1):
            pdf.paragraph(f"{i}．{duty}", size=12)
        pdf.paragraph("（二）安全职责", size=12)
        for i, duty in enumerate(safety, start=1):
            pdf.paragraph(f"{i}.{duty}", size=12)
        pdf.paragraph("（三）任职条件", size=12)
        pdf.paragraph(quals, size=12)
    path.write_bytes(pdf.bytes())


@document("cards-03-sales-form.docx")
def build_sales_cards(path: Path) -> None:
    doc = new_docx("销售部岗位说明书")
    para(doc, "瑞丰食品有限公司销售部岗位说明书", bold=True, size=16, font=HEADING_FONT, align=CENTER)
    cards = [
        {
            "title": "区域销售经理", "department": "销售部", "grade": "M2", "headcount": "4",
            "reports_to": "销售总监", "direct_reports": "销售代表",
            "purpose": "开拓并管理所辖区域的经销商网络，完成区域销售目标。",
            "duties": [
                ("渠道开发", [("制定区域经销商开发计划，评估并引进新经销商", "每季度"),
                              ("与经销商签订年度合作协议，明确任务与返利政策", "每年")]),
                ("销售管理", [("分解区域月度销售目标并跟踪达成情况", "每月"),
                              ("审核经销商订单，协调发货与回款", "每周")]),
                ("团队管理", [("带领销售代表开展终端拜访，检查陈列与价格执行", "每周")]),
            ],
            "authorities": ["对区域内经销商的选择有建议权", "对销售代表的工作安排有决定权"],
            "internal": "市场部、财务部、物流部", "external": "经销商、大型商超采购",
            "quals": [("学历", "本科及以上学历"), ("工作经验", "5年以上快消品销售经验，其中2年以上区域管理经验"),
                      ("年龄", "28-40岁")],
            "kpis": [("销售额完成率", "40%", "≥95%", "≥100%", "≥100%"),
                     ("回款率", "30%", "≥90%", "≥95%", "≥98%"),
                     ("新增经销商数", "30%", "1家", "3家", "10家")],
        },
        {
            "title": "销售内勤", "department": "销售部", "grade": "S3", "headcount": "2",
            "reports_to": "销售总监", "direct_reports": "无",
            "purpose": "为销售团队提供订单、合同及数据支持，保证销售后台工作及时准确。",
            "duties": [
                ("订单管理", [("录入并审核经销商订单，跟踪发货进度", "每日"),
                              ("处理退换货申请，协调仓库和财务办理", "工作需要时")]),
                ("数据统计", [("编制销售日报、周报和月度销售分析表", "每日"),
                              ("核对经销商往来账目，提示逾期应收款", "每月")]),
                ("合同档案", [("整理归档销售合同和经销商资质文件", "每月")]),
            ],
            "authorities": ["对资料不全的订单有退回权"],
            "internal": "销售部各区域、财务部、物流部", "external": "经销商",
            "quals": [("学历", "大专及以上学历"), ("工作经验", "1年以上销售助理或文员经验"), ("年龄", "22-35岁")],
            "kpis": [("订单录入准确率", "50%", "100%", "100%", "100%"),
                     ("报表提交及时率", "50%", "100%", "100%", "100%")],
        },
    ]
    for n, card in enumerate(cards):
        if n:
            doc.add_page_break()
        para(doc, f"{card['title']}岗位说明书", bold=True, size=14, align=CENTER)
        table = grid_table(doc, 5, [2.6, 3.6, 3.6, 2.6, 3.6])
        section_row(table, "基本信息")
        row_of(table, ["岗位名称", card["title"], None, "所属部门", card["department"]], bold_cols=(0, 3))
        row_of(table, ["职级", card["grade"], None, "岗位定员", card["headcount"]], bold_cols=(0, 3))
        section_row(table, "汇报关系")
        row_of(table, ["直接上级", card["reports_to"], None, "直接下级", card["direct_reports"]], bold_cols=(0, 3))
        section_row(table, "岗位概述")
        row_of(table, [card["purpose"], None, None, None, None])
        section_row(table, "岗位职责")
        row_of(table, ["职责类别", "工作内容", None, None, "工作频次"], bold_cols=(0, 1, 4))
        for category, items in card["duties"]:
            first = len(table.rows)
            for text, frequency in items:
                row_of(table, ["", text, None, None, frequency])
            merge_down(table, 0, first, len(table.rows) - 1, category)
        section_row(table, "岗位权限")
        row_of(table, [card["authorities"], None, None, None, None])
        section_row(table, "工作关系")
        row_of(table, ["内部联系", card["internal"], None, None, None], bold_cols=(0,))
        row_of(table, ["外部联系", card["external"], None, None, None], bold_cols=(0,))
        section_row(table, "任职资格")
        for label, value in card["quals"]:
            row_of(table, [label, value, None, None, None], bold_cols=(0,))
        section_row(table, "绩效考核")
        row_of(table, ["考核指标", "权重", "月度目标", "季度目标", "年度目标"], bold_cols=(0, 1, 2, 3, 4))
        for kpi in card["kpis"]:
            row_of(table, list(kpi))
        section_row(table, "签字确认")
        row_of(table, ["任职者", "", None, "日期", ""], bold_cols=(0, 3))
        row_of(table, ["部门负责人", "", None, "日期", ""], bold_cols=(0, 3))
    save_docx(doc, path)


# =======================================================================================
# 7. Formal forms with qualification variants
# =======================================================================================

text_document("form-01-safety-director.txt", """\
青城建设集团有限公司
岗位说明书

岗位名称：项目安全总监          岗位编号：AQ-003
所属部门：安全质量部            岗位定员：1
直接上级：项目经理              直接下级：专职安全员

一、岗位目的
全面负责项目施工现场的安全生产管理，预防各类生产安全事故。

二、岗位职责
1、贯彻执行国家及地方安全生产法律法规和公司安全管理制度；
2、组织编制项目安全专项施工方案，参与危险性较大分部分项工程的论证；
3、每周组织项目安全大检查 - 对检查出的隐患下达整改通知并复查；
4、组织新进场工人三级安全教育和特种作业人员持证上岗核查；
5、发生生产安全事故时，按规定程序上报并参与调查处理。

三、任职资格
学    历：本科及以上学历，年龄在29－45岁之间
专    业：土木工程、安全工程
从业年限 5年以上
职业资格：注册安全工程师
性    别：男

四、工作权限
1、对违章指挥、违章作业有制止权和处罚权；
2、对重大事故隐患有责令停工整改权；
3、对分包单位安全管理有考核权。
""")

text_document("form-02-cashier-gbk.txt", """\
                    岗 位 说 明 书

单位：鹏程商贸有限公司                  填写日期：2022-08-15
岗位名称：出  纳                        所属部门：财务部
直接上级：财务经理                      岗位人数：1人

【岗位职责】
1．每日 9:00 - 17:30 办理现金收付 - 包括银行存取
2．登记现金日记账和银行存款日记账，做到日清月结
3．保管库存现金、有价证券及空白支票
4．按月编制银行存款余额调节表
5．办理员工报销款及供应商货款的支付

【任职要求】
学    历：中专及以上，会计相关专业
年    龄：25 - 35 岁
性    别：不限（女性佳）
经    验：三年以上出纳工作经验
技    能：熟练使用金蝶K3财务软件及网银系统

                                        第 1 页
""", encoding="gbk", newline="\r\n")


@document("form-03-ops-engineer.docx")
def build_ops_form(path: Path) -> None:
    doc = new_docx("岗位说明书")
    para(doc, "鼎泰证券股份有限公司", bold=True, size=14, font=HEADING_FONT, align=CENTER)
    para(doc, "岗位说明书", bold=True, size=16, font=HEADING_FONT, align=CENTER)
    table = grid_table(doc, 5, [2.2, 2.4, 4.4, 2.6, 4.4])
    row_of(table, ["岗位名称", None, "系统运维工程师", "岗位编号", "IT-07"], bold_cols=(0, 3))
    row_of(table, ["所属部门", None, "信息技术部", "直接上级", "信息技术部经理"], bold_cols=(0, 3))
    row_of(table, ["岗位定员", None, "2", "职级", "P5"], bold_cols=(0, 3))
    row_of(table, ["工作概述", None, "负责公司交易、清算及办公系统的运行维护，保障信息系统安全、稳定、连续运行。", None, None],
           bold_cols=(0,))
    row_of(table, ["岗位职责", None, ["（1）负责服务器、存储、网络设备的日常巡检和故障处理；",
                                    "（2）负责交易系统开盘前检查与收盘后数据备份；",
                                    "（3）编写运维操作手册，规范变更与应急处置流程；",
                                    "（4）配合完成监管报送系统及灾备演练的技术保障；",
                                    "（5）跟踪设备维保合同执行，管理机房资产台账。"], None, None], bold_cols=(0,))
    first = len(table.rows)
    row_of(table, ["", "学历要求", "本科及以上学历，计算机相关专业", None, None], bold_cols=(1,))
    row_of(table, ["", "从业年限", "3年以上", None, None], bold_cols=(1,))
    row_of(table, ["", "知识技能", "熟悉 Linux、Windows Server 操作系统及 TCP/IP 网络；熟悉 VMware 虚拟化", None, None],
           bold_cols=(1,))
    row_of(table, ["", "优先条件", ["持有 RHCE 或 CCNP 证书", "有证券、期货行业信息系统运维经验"], None, None],
           bold_cols=(1,))
    merge_down(table, 0, first, len(table.rows) - 1, "任职资格")
    row_of(table, ["工作环境", None, "机房及办公室，需参与 7×24 小时值班轮岗", None, None], bold_cols=(0,))
    para(doc)
    para(doc, "编制：信息技术部　　审核：人力资源部　　批准：　　　　日期：2023年9月")
    save_docx(doc, path)


@document("form-04-hr-specialist.docx")
def build_hr_form(path: Path) -> None:
    doc = new_docx("岗位说明书")
    numbering = Numbering(doc)
    abs_id = numbering.abstract("1A2B3C31", level(0, "decimal", "%1."))
    para(doc, "海川装饰工程有限公司　岗位说明书", bold=True, size=15, font=HEADING_FONT, align=CENTER)
    table = grid_table(doc, 4, [3.0, 5.0, 3.0, 5.0])
    row_of(table, ["岗位名称", "人力资源专员", "所属部门", "人力资源部"], bold_cols=(0, 2))
    row_of(table, ["直接上级", "人力资源经理", "岗位定员", "1"], bold_cols=(0, 2))
    cells = row_of(table, ["岗位职责", "", None, None], bold_cols=(0,))
    duty_cell = cells[1]
    num = numbering.num(abs_id)
    duties = ["根据各部门用人需求发布招聘信息，筛选简历并安排面试；",
              "办理员工入职、转正、调岗及离职手续；",
              "维护员工花名册和人事档案，每月更新人员异动数据；",
              "核算员工考勤，配合财务部完成工资发放；",
              "办理社会保险和住房公积金的增减员业务。"]
    first = duty_cell.paragraphs[0]
    for i, duty in enumerate(duties):
        p = first if i == 0 else duty_cell.add_paragraph()
        run(p, duty)
        numbered(p, num)
    row_of(table, ["学历", "大专及以上学历，人力资源管理、心理学等相关专业", "性别", "不限"], bold_cols=(0, 2))
    row_of(table, ["年龄", "25至35周岁", "经验", "有 2 年以上人事招聘工作经验优先"], bold_cols=(0, 2))
    cell = row_of(table, ["技能要求", "", None, None], bold_cols=(0,))[1]
    cell_lines(cell, ["1. 熟练使用 Office 办公软件；", "2. 熟悉劳动合同法及社保公积金政策；", "3. 具备良好的沟通表达能力。"])
    save_docx(doc, path)


# =======================================================================================
# 8. Traditional Chinese (Hong Kong, Taiwan)
# =======================================================================================

text_document("trad-01-hk-posting.txt", """\
誠聘

恒昌物流（香港）有限公司現因業務擴展，誠聘以下職位：

(1) 倉務主任
職責：
‧ 管理倉庫日常運作，包括收貨、存倉及出貨
‧ 編排倉務員工作及更表
‧ 定期進行存貨盤點，確保庫存記錄準確
要求：
‧ 中學畢業或以上
‧ 五年或以上倉務管理經驗
‧ 懂操作倉務管理系統（WMS）者優先
‧ 能操流利廣東話及普通話
薪金：月薪 HK$18,000 - 22,000

(2) 貨車司機
職責：
‧ 駕駛 9 噸貨車運送貨物往返各區客戶
‧ 協助上落貨及核對送貨單據
要求：
‧ 持有效香港第 18 類（中型貨車）駕駛執照
‧ 三年或以上駕駛經驗
‧ 熟悉港九新界路線者優先
薪金：面議

以上職位工作地點：葵涌
福利：五天工作、有薪年假、醫療保險、勤工獎
有意者請將履歷及要求薪金電郵至 hr@hengchang-log.hk，或致電 2345 6789 與陳小姐聯絡。
""")

text_document("trad-02-tw-html.html", """\
<!DOCTYPE html>
<html lang="zh-Hant-TW">
<head>
<meta charset="utf-8">
<title>人才招募｜財團法人大和文教基金會</title>
</head>
<body>
<div id="header"><a href="index.php">首頁</a>｜<a href="about.php">關於本會</a>｜<a href="recruit.php">人才招募</a></div>
<div id="content">
<p>財團法人大和文教基金會成立於民國八十五年，長期投入偏鄉兒童課後陪伴與家庭支持服務，現誠徵以下夥伴：</p>
<h2>徵才職位：行政美編人員</h2>
<ul class="recruit">
<li>徵才名額：1名</li>
<li>工作性質：全職</li>
<li>工作地點：台中市西區</li>
<li>工作待遇：月薪 32,000 ~ 38,000 元</li>
<li>學歷要求：大學以上，美術、設計相關科系</li>
<li>工作經驗：2年以上</li>
<li>工作內容：
<ol>
<li>負責文宣品、海報及網站橫幅設計</li>
<li>協助活動佈置與攝影</li>
<li>處理一般行政庶務</li>
</ol>
</li>
<li>具備條件：
<ol>
<li>熟悉 Photoshop、Illustrator、InDesign</li>
<li>具備基礎攝影能力</li>
<li>有印刷廠合作經驗者優先</li>
</ol>
</li>
<li>基本福利：勞健保、年終獎金、員工旅遊、三節禮金</li>
</ul>
<h2>徵才職位：社工督導</h2>
<ul class="recruit">
<li>徵才名額：1名</li>
<li>工作性質：全職</li>
<li>工作地點：台中市西區</li>
<li>工作待遇：依本會薪資標準（面議）</li>
<li>學歷要求：碩士以上，社會工作相關科系</li>
<li>工作經驗：社工實務經驗三年以上</li>
<li>工作內容：
<ol>
<li>督導社工員個案處理與紀錄撰寫</li>
<li>規劃年度服務方案並撰寫計畫書</li>
<li>辦理社工員教育訓練</li>
</ol>
</li>
<li>具備條件：
<ol>
<li>具社會工作師證照</li>
<li>具團體督導經驗者優先</li>
</ol>
</li>
<li>基本福利：勞健保、年終獎金、員工旅遊、三節禮金</li>
</ul>
<p>應徵方式：請將履歷表及自傳 E-mail 至 recruit@dahe.org.tw，合者通知面試，不合者恕不退件。</p>
</div>
<div id="footer">財團法人大和文教基金會 版權所有　地址：台中市西區民生路 100 號</div>
</body>
</html>
""")


@document("trad-03-tw-form.docx")
def build_tw_form(path: Path) -> None:
    doc = new_docx("職務說明書", author="管理部")
    para(doc, "順昌精密工業股份有限公司", bold=True, size=14, font="標楷體", align=CENTER)
    para(doc, "職務說明書", bold=True, size=16, font="標楷體", align=CENTER)
    table = grid_table(doc, 4, [3.0, 5.0, 3.0, 5.0])
    row_of(table, ["職務名稱", "會計專員", "職務代號", "FA-02"], bold_cols=(0, 2))
    row_of(table, ["所屬部門", "財務部", "直屬主管", "財務經理"], bold_cols=(0, 2))
    row_of(table, ["職等", "5", "編制人數", "2"], bold_cols=(0, 2))
    row_of(table, ["工作職掌", ["一、處理日常帳務及傳票審核。", "二、編製月報、季報及年度財務報表。",
                                 "三、辦理營業稅申報及扣繳憑單作業。", "四、協助會計師查核及內部稽核事宜。"], None, None],
           bold_cols=(0,))
    first = len(table.rows)
    row_of(table, ["", "學歷", "大專以上，會計、財務金融相關科系", None], bold_cols=(1,))
    row_of(table, ["", "經驗", "會計相關工作三年以上", None], bold_cols=(1,))
    row_of(table, ["", "證照", ["記帳士證照", "具會計師證照者優先"], None], bold_cols=(1,))
    merge_down(table, 0, first, len(table.rows) - 1, "任用資格")
    para(doc)
    para(doc, "制定日期：民國112年3月1日　　核定：總經理")
    save_docx(doc, path)


# =======================================================================================
# 9. Documents that are not job descriptions
# =======================================================================================

text_document("notes-hiring-todo.md", """\
# 周会前整理（4/8）

## 待办
- [ ] 周三前把 Q2 招聘需求汇总发给王总（研发 3、销售 2，测试先不招）
- [ ] 岗位说明书模板要改：去掉“岗位价值”栏，任职资格改成学历/经验/技能三栏
- [x] 跟财务确认新员工社保基数
- [ ] 问一下法务：试用期工资能不能按 80% 发

## 想法
Not all are true: 简历里写“精通”的大多只是用过。面试题库要按岗位分类，至少覆盖：
1. 后端：数据库索引、缓存一致性
2. 销售：客户拜访记录怎么写
3. 行政：采购流程

## 备忘
- 猎头费率 18%，保证期 3 个月
- 校招宣讲定在 10 月第二周，场地待定
""")

text_document("hr-folder-manifest.tsv", "\n".join([
    "路径\t大小(KB)\t修改日期\t备注",
    "岗位说明书/财务部/出纳岗位说明书.docx\t36\t2021-03-02\t旧模板，待更新",
    "岗位说明书/财务部/会计岗位说明书.docx\t41\t2021-03-02\t",
    "岗位说明书/生产部/车间主任岗位说明书.doc\t88\t2019-11-20\t需转成docx",
    "招聘/2024春招/招聘简章.pdf\t512\t2024-02-26\t已发布",
    "招聘/2024春招/面试评分表.xlsx\t24\t2024-02-28\t",
    "制度/考勤管理制度.docx\t67\t2022-07-01\t第3版",
    "制度/薪酬管理办法.docx\t73\t2023-01-05\t总经理已签批",
    "培训/新员工入职培训.pptx\t4380\t2023-09-14\t",
    "组织架构/组织架构图2024.vsdx\t210\t2024-01-03\t住所地变更后需重画",
]) + "\n")


@document("regulation-attendance.docx")
def build_regulation(path: Path) -> None:
    doc = new_docx("考勤管理制度")
    para(doc, "考勤管理制度", bold=True, size=16, font=HEADING_FONT, align=CENTER)
    para(doc, "文件编号：XZ-ZD-003　　版本：第3版　　生效日期：2022年7月1日", align=CENTER)
    articles = [
        ("第一章　总则", [
            "第一条　为规范公司考勤管理，维护正常的工作秩序，根据《劳动法》及相关法律法规，结合公司实际，制定本制度。",
            "第二条　本制度适用于公司全体员工，包括试用期员工及实习生。",
        ]),
        ("第二章　职责", [
            "第三条　人力资源部负责考勤制度的制定、解释和监督执行，每月汇总考勤数据并核算考勤扣款。",
            "第四条　各部门负责人负责本部门员工的日常考勤管理，审批本部门员工的请假和加班申请。",
            "第五条　员工应按时上下班，如实打卡，不得代打卡或委托他人打卡。",
        ]),
        ("第三章　工作时间", [
            "第六条　公司实行每周五天工作制，工作时间为上午 8:30 - 12:00，下午 13:30 - 17:30。",
            "第七条　因工作需要实行综合工时或不定时工时的岗位，经劳动行政部门批准后执行。",
        ]),
        ("第四章　请假与加班", [
            "第八条　员工请假须提前通过 OA 系统提交申请，病假须附医院证明。",
            "第九条　请假一天以内由部门负责人审批；一天以上三天以内由分管副总审批；三天以上由总经理审批。",
            "第十条　加班须事先申请，经批准后方可计算加班时间，未经批准的加班不予认定。",
        ]),
        ("第五章　附则", [
            "第十一条　本制度由人力资源部负责解释。",
            "第十二条　本制度自发布之日起施行，原《考勤管理规定》同时废止。",
        ]),
    ]
    for chapter, items in articles:
        para(doc, chapter, bold=True, size=12, align=CENTER)
        for item in items:
            para(doc, item)
    save_docx(doc, path)


text_document("manual-hr-system.html", """\
<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>3.2 岗位管理 - 云帆人事系统用户手册</title></head>
<body>
<nav><a href="index.html">目录</a> &gt; 第3章 组织管理 &gt; 3.2 岗位管理</nav>
<h1>3.2 岗位管理</h1>
<p>岗位管理用于维护公司的岗位体系。管理员可以新建、编辑、停用岗位，并为岗位关联岗位说明书。</p>
<h2>3.2.1 新建岗位</h2>
<ol>
<li>点击左侧菜单【组织管理】→【岗位管理】，进入岗位列表页。</li>
<li>点击右上角【新建】按钮，弹出“新建岗位”对话框。</li>
<li>填写岗位名称、岗位编号、所属部门、岗位序列和编制人数，其中带 * 号的为必填项。</li>
<li>在“岗位职责”文本框中填写该岗位的主要职责，每条职责占一行。</li>
<li>点击【保存】，系统提示“保存成功”后岗位出现在列表中。</li>
</ol>
<p class="note">注意：岗位编号保存后不可修改；如需调整，请先停用原岗位再新建。</p>
<h2>3.2.2 导入岗位说明书</h2>
<p>支持导入 Word（.docx）格式的岗位说明书。系统会识别“岗位名称”“任职要求”等字段，识别结果需人工确认后才会生效。</p>
<table border="1">
<tr><th>字段</th><th>说明</th><th>是否必填</th></tr>
<tr><td>岗位名称</td><td>不超过 30 个字符</td><td>是</td></tr>
<tr><td>所属部门</td><td>从组织架构中选择</td><td>是</td></tr>
<tr><td>编制人数</td><td>正整数</td><td>否</td></tr>
</table>
<p><a href="3-1.html">上一节：3.1 部门管理</a> | <a href="3-3.html">下一节：3.3 职级体系</a></p>
</body>
</html>
""")

text_document("minutes-recruiting-meeting.txt", """\
会议纪要

会议名称：2024年第二季度招聘工作协调会
时　　间：2024年4月9日 14:00-15:30
地　　点：总部三楼第一会议室
主 持 人：人力资源部 孙丽
参会人员：技术部 陈刚、销售部 赵敏、财务部 钱伟、人力资源部 孙丽 周洋
记 录 人：周洋

一、会议议题
1. 通报第一季度招聘完成情况；
2. 确定第二季度各部门招聘需求及到岗时间；
3. 讨论校园招聘安排。

二、会议内容
1. 孙丽通报：第一季度计划招聘 12 人，实际到岗 9 人，完成率 75%，未完成岗位主要为嵌入式软件工程师。
2. 陈刚提出：技术部第二季度需补充嵌入式软件工程师 2 名、测试工程师 1 名，要求 5 月底前到岗。
3. 赵敏提出：华东区销售代表离职 2 人，需尽快补充；建议提高销售岗位的推荐奖金。
4. 钱伟表示：第二季度招聘费用预算为 8 万元，猎头费用需单独报批。

三、会议决定
1. 同意技术部、销售部的招聘需求，由人力资源部于 4 月 15 日前发布招聘信息；
2. 内部推荐奖金由 1000 元调整为 2000 元，自 5 月 1 日起执行；
3. 校园招聘方案由周洋起草，4 月底前提交讨论。

四、下次会议
时间另行通知。

                                        人力资源部
                                        2024年4月10日
""")


@document("dept-duties-rnd.docx")
def build_department_duties(path: Path) -> None:
    doc = new_docx("研发中心部门职责")
    numbering = Numbering(doc)
    group_abs = numbering.abstract("1A2B3C41", level(0, "chineseCounting", "%1、", left=0, hanging=0, suffix="nothing"))
    item_abs = numbering.abstract("1A2B3C42", level(0, "decimal", "%1."))
    para(doc, "研发中心部门职责", bold=True, size=16, font=HEADING_FONT, align=CENTER)
    para(doc, "部门使命：以客户需求为导向，持续开发有竞争力的产品，支撑公司业务增长。")
    group_num = numbering.num(group_abs)
    groups = [
        ("产品规划", ["组织编制公司中长期产品规划和年度研发计划", "开展行业技术趋势研究，提出新产品立项建议"]),
        ("研发管理", ["组织新产品的设计开发、样机试制和型式试验", "建立并维护研发项目管理流程，控制研发进度和费用",
                      "组织设计评审和技术方案评审"]),
        ("技术支持", ["为生产、质量、销售部门提供技术支持", "处理客户提出的技术问题，参与重大质量问题的分析"]),
        ("知识产权与标准", ["负责专利申请、软件著作权登记及维护", "参与行业标准和企业标准的制定"]),
    ]
    for name, items in groups:
        numbered(para(doc, name, bold=True), group_num)
        num = numbering.num(item_abs, restart=True)
        for item in items:
            numbered(para(doc, item, style="List Paragraph"), num)
    para(doc, "部门负责人：研发中心总监　　部门编制：45人")
    save_docx(doc, path)


# =======================================================================================
# 10. Spreadsheet-like text: a TSV roster
# =======================================================================================

text_document("roster-positions.tsv", "\n".join([
    "岗位名称\t所属部门\t编制人数\t岗位职责\t任职要求",
    "总经理秘书\t总经理办公室\t1\t1、负责总经理日程安排与会议组织；2、起草公司文件、通知及会议纪要；3、负责来访客人接待。"
    "\t本科及以上学历，中文、文秘相关专业；3年以上秘书或行政工作经验。",
    "网络管理员\t信息部\t1\t1、负责公司网络、服务器及监控设备的维护；2、处理员工电脑及打印机故障；3、管理公司邮箱与OA账号。"
    "\t大专及以上学历，计算机相关专业；2年以上网络维护经验；有 CCNA 证书者优先。",
    "采购专员\t采购部\t2\t1、根据请购单询价、比价并下达采购订单；2、跟踪订单交期，协调到货异常；3、维护供应商档案。"
    "\t大专及以上学历；1年以上采购工作经验；熟悉 ERP 采购模块。",
    "质检员\t品质部\t3\t1、负责来料、半成品及成品的检验；2、填写检验记录并及时反馈质量异常；3、参与不合格品的评审。"
    "\t中专及以上学历；年龄20-40岁；有 ISO 9001 体系工作经验者优先。",
    "司机\t行政部\t1\t1、负责公司商务用车的驾驶；2、做好车辆日常保养和年检；3、填写行车记录。"
    "\t高中及以上学历；持 C1 驾照，5年以上驾龄；男，45岁以下。",
]) + "\n")


# A county hospital's notice that lists its openings first, then writes section by section:
# conditions for all, each position's work on a line of its own, pay for all, how to apply with
# a place to sign up, and the hospital's sign-off over the date.
text_document("notice-06-openings-then-sections.txt", """\
关于公开招聘合同制工作人员的公告

根据医院发展需要，经院务会研究，决定面向社会公开招聘合同制工作人员。有关事项公告如下：

一、招聘岗位及人数
1. 挂号收费员2名
2. 病案管理员1名

二、报名条件
（一）遵守国家法律法规，品行端正，无不良记录；
（二）年龄20-35周岁；
（三）大专及以上学历。

三、岗位职责
挂号收费员：负责门急诊挂号、收费及退费办理，做好每日票据核对。
病案管理员：负责出院病案的回收、整理、编码与归档。

四、薪酬待遇
试用期3个月，月工资3500-4500元，缴纳五险一金。

五、报名方式
报名时间：2024年5月6日至5月15日，地点：医院综合楼二楼人事科。
联系电话：0577-63336666

临川县第三人民医院
2024年4月28日
""")


# A factory's leaflet grouping its openings under a line per department: 【研发中心】 above its
# positions, then 【营销中心】; one line for the contacts.
text_document("leaflet-15-department-lines.txt", """\
云帆电子2024年社会招聘

【研发中心】
固件工程师 2人
岗位职责：负责单片机固件开发与调试；编写测试文档。
任职要求：本科及以上学历，电子信息相关专业，熟悉C语言。

结构工程师 1人
岗位职责：负责产品外壳与内部结构设计。
任职要求：3年以上结构设计经验，熟练使用SolidWorks。

【营销中心】
区域销售经理 3人
岗位职责：开拓华东区域客户，完成季度销售目标。
任职要求：大专及以上学历，有电子元器件销售经验者优先。

联系人：周女士 电话：0512-66881234
""")


# A campus posting in Markdown: a heading per department (## 技术部), a heading per position
# (### …（3人）), one bullet of work and a labelled bullet of what is asked.
text_document("md-09-department-headings.md", """\
# 栖云智能 2025 校园招聘

## 技术部

### 语音算法工程师（3人）
- 负责语音识别模型的训练与部署优化
- 要求：硕士及以上学历，计算机、电子相关专业

### 测试开发工程师（2人）
- 负责自动化测试框架与持续集成平台建设
- 要求：本科及以上学历

## 市场部

### 品牌专员（1人）
- 负责品牌活动的策划与执行
- 要求：本科及以上学历，市场营销相关专业
""")


# A role card whose indicators are followed by how the assessment is run (考核周期, 考核方式),
# and a posting-style offers heading (我们提供) over a list of perks.
text_document("form-08-assessment-terms.txt", """\
客服主管岗位说明书

岗位名称：客服主管
所属部门：客户服务部
直接上级：客服经理
直接下级：客服专员

岗位职责：
1. 负责客服团队的排班、质检与日常管理；
2. 处理重大客户投诉并跟进结果；
3. 组织客服话术与业务知识培训。

任职资格：
1. 大专及以上学历；
2. 3年以上客服工作经验，其中1年以上团队管理经验。

考核指标：
1. 客户满意度≥95%；
2. 投诉处理及时率100%；
3. 团队人员流失率≤10%。
考核周期：季度
考核方式：由客服经理按季度评定，结果与绩效奖金挂钩。

我们提供：
- 五险一金
- 带薪年假
- 年度体检
""")


# A poster: the company line opens with a tag in square brackets; each position is a 岗位：
# label whose value has its count glued to the name (面点师2名).
text_document("leaflet-16-tagged-company-line.txt", """\
【诚聘英才】杭州禾丰餐饮管理有限公司

岗位：面点师2名
要求：有3年以上中式面点制作经验，持健康证。
待遇：月薪6000-7500元，包吃住。

岗位：传菜员4名
要求：18-40周岁，吃苦耐劳。
待遇：月薪4200-4800元，包吃住。

面试地址：杭州市拱墅区湖墅南路88号
""")


# A position's name on a line of its own over a paragraph that never repeats it and opens with
# whom the position works under; then a paragraph of what it asks.
text_document("prose-15-name-over-paragraph.txt", """\
档案管理员

在综合办公室主任的指导下，负责公司文书档案和合同档案的收集、整理、立卷与归档，做好档案借阅登记和库房的防潮防火工作，定期编制档案检索目录。

任职要求：大专及以上学历，档案管理相关专业，2年以上档案管理工作经验。
""")


# The same shape with the position as subject and its department and superior in one sentence
# (本职位隶属…，汇报给…，负责…).
text_document("prose-16-subject-department-superior.txt", """\
网络运维工程师

本职位隶属信息技术部，汇报给信息技术部经理，负责公司机房、服务器及网络设备的日常巡检与故障处理，维护防火墙与VPN配置，编写运维文档。

任职要求：本科及以上学历，计算机相关专业，3年以上网络运维经验，持有CCNP证书者优先。
""")


# A role card whose reporting labels are worded as questions and lists (向谁汇报, 所辖岗位).
text_document("form-09-reporting-label-words.txt", """\
门店店长岗位说明书

岗位名称：门店店长
所属部门：零售运营部
向谁汇报：区域经理
所辖岗位：店员、收银员、理货员

岗位职责：
1. 负责门店日常经营管理，完成月度销售目标；
2. 负责门店人员排班、培训与考核；
3. 负责门店商品陈列、库存盘点与损耗控制。

任职资格：
1. 高中及以上学历；
2. 2年以上零售门店管理经验。
""")


# A thread of postings, each under a heading that says who recruits, the verb, then the position
# (``星环数据 平台研发部招 高级Java工程师``, ``青木游戏招聘：Unity 客户端工程师``).
text_document("md-10-recruiter-verb-title.md", """\
# 技术招聘帖合集

## 星环数据 平台研发部招 高级Java工程师

岗位职责：

1. 负责数据平台后端服务的设计与开发；
2. 参与系统性能优化与稳定性建设。

岗位要求：

1. 本科及以上学历，5年以上Java开发经验；
2. 熟悉Spring Boot与MySQL。

工作地点：上海

## 青木游戏招聘：Unity 客户端工程师

岗位职责：

1. 负责手游客户端玩法功能开发；
2. 配合策划与美术完成版本迭代。

岗位要求：

1. 3年以上Unity开发经验；
2. 熟悉C#与Lua。

工作地点：成都
""")


# An internship posting whose pay lines carry a qualifier glued to the pay label, one regime a
# line, with the perks labelled inside the first line.
text_document("board-05-qualified-pay-lines.txt", """\
职位：数据分析实习生
工作地点：南京

岗位职责：
1. 协助整理业务数据并制作周报；
2. 参与用户行为分析专题。

任职要求：
1. 统计学、数学相关专业在读硕士；
2. 每周至少实习4天。

待遇：
实习期间日薪：180元/天，福利：免费工作餐
转正后月薪：9K-12K，14薪
""")


# A team's posting: the heading names the employer and the team that recruits (the department of
# its positions), then two positions.
text_document("md-11-team-heading.md", """\
# 橙果 数据平台团队招聘

## 数据开发工程师

### 岗位职责
- 负责离线与实时数仓的建设与维护
- 参与数据质量监控体系建设

### 任职要求
- 本科及以上学历，3年以上数据开发经验

## 数据产品经理

### 岗位职责
- 负责数据产品的需求分析与规划

### 任职要求
- 本科及以上学历，2年以上数据产品经验
""")


# A scraped dump with no titles: one posting per line, its sections parted by a graphic mark and
# their names glued to what follows (●职责… ●要求1.…).
text_document("dump-03-marked-sections.txt", """\
●职责协助完成语音数据的标注与质检，整理标注规范文档●要求1.计算机、语言学相关专业本科以上；2.熟悉Python脚本编写；3.有数据标注经验者优先
●职责负责仓储系统接口的开发与维护，处理线上问题●要求1.本科及以上学历，计算机相关专业；2.熟悉Java与MySQL；3.有WMS项目经验者优先
●职责负责门店销售数据的日报与周报制作，支持运营分析●要求1.统计、数学相关专业大专以上；2.熟练使用Excel；3.有零售行业经验者优先
""")


# A role card whose indicator list goes on with how the indicators are assessed: the data's
# source, the scoring rule, a sentence about the grades and the grade bands on one line.
text_document("form-10-indicator-notes.txt", """\
仓储主管岗位说明书

岗位名称：仓储主管
所属部门：物流部
直接上级：物流经理

岗位职责：
1. 负责仓库收发存的日常管理；
2. 组织月度盘点并分析差异原因；
3. 管理仓库人员的排班与培训。

考核指标：
1. 库存准确率达到99%以上；
2. 发货及时率不低于98%；
3. 仓库安全事故为零。
数据来源：财务部月度库存报表
评分标准：每项指标满分100分，未达标按差距比例扣分。
考核结果分为优秀、良好、合格、不合格四个等级。
优秀：90分以上；良好：80-89分；合格：60-79分。

任职资格：
1. 大专及以上学历，物流管理相关专业；
2. 3年以上仓储管理经验。
""")


# A career page copied as text: one posting, then the page's copyright line naming its owner.
text_document("board-06-copyright-footer.txt", """\
测试开发工程师

岗位职责：
1. 负责自动化测试框架的设计与维护；
2. 编写接口与性能测试脚本，输出测试报告。

任职要求：
1. 本科及以上学历，计算机相关专业；
2. 3年以上测试开发经验，熟悉Python。

简历投递：hr@example.com
Copyright © 2024 苏州青藤软件有限公司 All Rights Reserved
""")


# A posting that numbers its duties by a marker and an ordinal, one line each (职责一：…), as duty
# tables number their rows.
text_document("leaflet-17-duty-marker-lines.txt", """\
前台接待

职责一：负责来访客户的登记与接待，引导客户至会议室；
职责二：接听总机电话并准确转接；
职责三：管理前台区域的办公用品与快递收发。

要求：大专以上学历，形象气质佳，普通话标准。
待遇：月薪4500-5500元，双休。
""")


# Tech postings that give the place as "base" (a label of its own, or in brackets over the
# cities), and name HBase in their requirements (the label word inside a Latin word).
text_document("md-12-base-labels.md", """\
### 大数据开发工程师

**[base]**
北京、上海

**[职位描述]**
1. 负责实时数据管道的开发与运维；
2. 优化离线计算任务的性能。

**[职位要求]**
1. 本科及以上学历，3年以上大数据开发经验；
2. 熟悉Spark、HBase、Kafka等组件。

### 前端开发工程师

Base：杭州

**[职位描述]**
1. 负责中后台系统的前端开发；

**[职位要求]**
1. 2年以上前端开发经验，熟悉React。
""")


# A posting that introduces its employer as "we are …" (我们是X，一家…的公司), a description that
# ends like a company but names none.
text_document("md-13-we-are-intro.md", """\
我们是青藤智联，一家专注于企业协同软件的创业公司。

## 后端开发工程师

**岗位职责**
- 负责协同办公平台的服务端开发；
- 参与系统架构设计与性能优化。

**任职要求**
- 本科及以上学历，3年以上Go或Java开发经验；
- 熟悉MySQL与Redis。

加入青藤智联，和我们一起重新定义团队协作。
""")


# A form copied out of a Word table as tab-separated text (职位定员 among the cells), with a
# career heading over the positions the role leads to, and a career label over prose.
text_document("form-11-tabbed-form-career.txt", """\
职位说明书

职位名称\t设备主管\t职位编号\tSB-02
所属部门\t生产部\t直接上级\t生产经理
职位定员\t2人\t直接下级\t维修工
工作职责\t1.负责设备的日常维护保养；2.组织设备故障抢修；3.编制设备保养计划。
任职资格\t大专以上学历，机电一体化相关专业，3年以上设备管理经验。

晋升通道：
设备经理、生产经理

职业发展：公司为技术人员提供专业与管理双通道的发展路径。
""")


# A hospital notice as a web page: a table of positions, a pay section, and the sign-off (the
# body over the date, one paragraph with a line break) after the pay.
text_document("html-06-notice-table-signoff.html", """\
<html><head><meta charset="utf-8"><title>招聘公告</title></head><body>
<h1>关于公开招聘卫生专业技术人员的公告</h1>
<p>根据医院发展需要，现面向社会公开招聘卫生专业技术人员。</p>
<h2>一、招聘岗位</h2>
<table border="1">
<tr><th>岗位代码</th><th>岗位名称</th><th>招聘人数</th><th>学历要求</th><th>专业要求</th></tr>
<tr><td>W01</td><td>影像科医师</td><td>2</td><td>本科及以上</td><td>医学影像学</td></tr>
<tr><td>W02</td><td>药剂师</td><td>1</td><td>大专及以上</td><td>药学</td></tr>
</table>
<h2>二、薪酬待遇</h2>
<p>按医院薪酬制度执行，缴纳五险一金。</p>
<p>云溪县中医院<br>2024年6月3日</p>
</body></html>
""")


# A prose posting whose introduction says what it recruits, how many and where, without labels
# (现招聘门店督导两名，工作地点宁波。).
text_document("prose-17-recruiting-introduction.txt", """\
招聘：门店督导

本公司是一家连锁烘焙品牌，在浙江拥有四十余家门店。现招聘门店督导两名，工作地点宁波。

该岗位向区域经理汇报，负责辖区门店的巡店检查、服务标准落地与店长辅导，跟进门店业绩改善。

我们希望你有3年以上连锁零售或餐饮门店管理经验，能适应频繁外出巡店。

薪资：8-12K。
""")


# A notice that lists its openings, then one condition line for all of them in which each
# position gets a clause of its own, and a duty paragraph that opens with an unnamed superior.
text_document("notice-07-clauses-per-position.txt", """\
关于招聘社区工作人员的公告

一、招聘岗位
1. 网格员3名
2. 社工助理1名

二、报名条件
（一）年龄20-40周岁；
（二）网格员要求高中及以上学历；社工助理要求大专及以上学历，社会工作专业。

三、岗位职责
网格员：负责网格内人口信息采集、矛盾纠纷排查与上报。
社工助理：在上级的领导下，协助开展社区居民服务项目，整理服务档案。

四、待遇
月工资3200-3800元，缴纳五险一金。
""")


# A short posting whose duties are numbered 一、二、三 and whose first duty's words could name a
# position (客户接待).
text_document("form-12-cn-numbered-duties.txt", """\
行政文员

岗位职责：
一、客户接待
二、合同归档与印章管理
三、办公费用报销

任职要求：大专以上学历，熟练使用办公软件。
""")


# A supermarket's leaflet: two positions with their work, then one line of requirements that
# says it covers both (以上岗位均要求：…) and one pay line.
text_document("leaflet-18-requirements-for-all.txt", """\
惠民超市招聘启事

岗位一：收银员
岗位职责：负责收银结账与票据整理。

岗位二：理货员
岗位职责：负责商品上架、补货与盘点。

以上岗位均要求：高中以上学历，18-40周岁，能适应轮班。
待遇：月薪4000-5000元。
""")


# An English posting: the title alone on the first line, then "About the role" over a sentence
# that sums the job up, and the usual English sections.
text_document("board-07-english-about-the-role.txt", """\
Senior Backend Engineer

About the role
You will build scalable APIs for our payments platform.

Responsibilities
- Design and build backend services
- Mentor junior engineers

Requirements
- 5+ years of backend experience
- Bachelor's degree in Computer Science or related field

Nice to have
- Experience with Kafka

Location: Shanghai
""")


# Role cards in plain text, each opening with the same field lines: the department, then the
# position's label.
text_document("cards-04-field-lines-first.txt", """\
2024年度岗位说明书

部门：财务部
岗位：会计主管
一、岗位职责
1. 负责公司日常会计核算；
2. 编制月度、年度财务报表。
二、任职条件
1. 会计学本科以上学历。

部门：行政部
岗位：前台
一、岗位职责
1. 负责来访接待与电话转接；
2. 管理会议室预订。
二、任职条件
1. 大专以上学历。
""")


# A school's recruiting brochure: the openings listed on one line under their heading, and no
# line describing each; the conditions, pay and how to apply are for all of them.
text_document("notice-08-openings-line-only.txt", """\
育才中学2024年教师招聘简章

一、招聘岗位
语文教师2名、数学教师1名

二、应聘条件
1. 全日制本科及以上学历，师范类专业；
2. 具有相应学科教师资格证；
3. 年龄35周岁以下。

三、薪酬待遇
年薪8-12万元，缴纳五险一金。

四、报名方式
请将简历发送至 hr@yucai.edu.cn
""")


# A factory's leaflet: the openings listed under their label on the next line, then one line per
# position with its terms.
text_document("leaflet-19-openings-then-lines.txt", """\
急聘

招聘岗位：
注塑工15名、品检员4名

注塑工：18-45岁，男女不限，月均6500-8500元。
品检员：高中以上学历，1年以上品检经验，月薪5200-6000元。
""")


# A thread of postings whose headings name the position and the employer's whole name side by
# side (a dash, a vertical bar, a bracket after the title).
text_document("md-14-title-beside-employer.md", """\
## 易路软件有限公司 - 高级前端开发工程师

岗位职责：
1. 负责人事SaaS产品的前端开发；

任职要求：
1. 3年以上前端开发经验。

## 后端工程师 | 杭州云栖科技有限公司

岗位职责：
1. 负责数据平台服务端开发；

任职要求：
1. 本科及以上学历。

## 测试工程师（苏州青藤软件有限公司）

岗位职责：
1. 负责接口自动化测试；

任职要求：
1. 2年以上测试经验。
""")



# A form typed as plain text whose indicator table keeps its columns aligned with spaces: a
# header row (指标名称 / 权重 / 目标值 / 数据来源) over one row per indicator.
text_document("form-13-spaced-kpi-columns.txt", """\
岗位说明书

岗位名称：质量主管            所属部门：质量管理部
直接上级：质量经理            岗位定员：1人

一、工作职责
1. 组织来料、过程及成品检验，处理质量异常；
2. 主持月度质量分析会，推动纠正预防措施落实；
3. 维护质量管理体系文件。

二、任职资格
学历：大专及以上学历
经验：3年以上制造业质量管理经验

三、考核指标
指标名称          权重      目标值        数据来源
客户投诉次数      40%       每月不超过2次  客服部
来料批次合格率    30%       ≥97%          仓储部
内审不符合项关闭率  30%     100%          体系办
""")


# A job board's posting as text: the employer under a 公司 label, the requirements run onto the
# label's line as clauses parted by semicolons (two of them wishes), and a line about the perks
# under the pay that opens with 公司 as its subject.
text_document("board-08-semicolon-requirements.txt", """\
招聘：电商客服专员

公司：宁波青柚日用品有限公司
工作地点：宁波市鄞州区
薪资：5000-7000元/月
公司为员工缴纳五险一金，提供免费工作餐和员工宿舍。

岗位职责：回复顾客在线咨询；处理退换货及售后问题；整理每日客诉记录并反馈运营。

任职要求：中专及以上学历，电子商务相关专业优先；半年以上电商客服经验；打字速度每分钟60字以上，有天猫店铺客服经验者优先。
""")


# A description titled "<position>岗位说明" whose overview says in one sentence whom the position
# works under (在…的领导下, no comma before the work) and whom it leads, one with a count and one
# without; the duties are "名称：内容" lines.
text_document("prose-18-overview-superior.txt", """\
药房组长岗位说明

一、岗位概述
药房组长是门诊药房的日常负责人，在药剂科主任的领导下组织药品调剂工作，下辖调剂员4名、药房助理若干名。

二、主要职责
调剂管理：安排每日调剂班次，核对处方调配质量。
库存管理：每周盘点药品库存，及时提出请领计划。
质量安全：检查效期药品，处理调剂差错并登记上报。

三、任职要求
1、药学专业大专以上学历，持药士及以上资格证书；
2、3年以上医院药房工作经验；
3、具有一定的组织协调能力。
""")


# A notice whose conditions give one line per position, each packing its clauses: a degree, a
# gender as a clause of its own, an age, a wish.
text_document("notice-09-packed-conditions.txt", """\
清河县自来水公司2024年招聘劳务派遣人员公告

一、招聘岗位
1. 抄表员 3名
2. 管道维修工 2名

二、岗位条件
抄表员：高中及以上学历，男性，年龄40周岁以下，持有电动车驾驶证者优先；
管道维修工：中专及以上学历，男性，年龄45周岁以下，有水电维修经验者优先。

三、待遇
月薪3500-4500元，缴纳五险。

清河县自来水公司
2024年8月12日
""")


# A Word form: label pairs, a duty table (序号 | 职责内容 | 工作标准) and, after a section row, the
# requirement pairs again, two to a row; experience under two labels, the loose one first
# (行业背景 | 不要求, then 从业年限 | 2年以上…).
@document("form-14-duty-table-then-pairs.docx")
def build_duty_table_then_pairs(path: Path) -> None:
    doc, table = titled_form("培训专员岗位说明书", [3.0, 5.0, 3.0, 5.0])
    row_of(table, ["岗位名称", "培训专员", "所属部门", "人力资源部"], bold_cols=(0, 2))
    row_of(table, ["直接上级", "培训经理", "岗位定员", "1人"], bold_cols=(0, 2))
    row_of(table, ["岗位目的", "组织实施公司培训计划，提升员工岗位能力。", None, None], bold_cols=(0,))
    section_row(table, "工作职责")
    row_of(table, ["序号", "职责内容", "工作标准", None], bold_cols=(0, 1, 2))
    row_of(table, ["1", "调研各部门培训需求，编制年度培训计划", "每年12月前完成", None])
    row_of(table, ["2", "组织实施内外部培训课程，做好培训记录", "培训覆盖率100%", None])
    row_of(table, ["3", "评估培训效果，撰写季度培训总结", "每季度一次", None])
    section_row(table, "任职资格")
    row_of(table, ["学历", "本科及以上", "专业", "人力资源管理、教育学相关专业"], bold_cols=(0, 2))
    row_of(table, ["行业背景", "不要求", "年龄", "25-35岁"], bold_cols=(0, 2))
    row_of(table, ["从业年限", "2年以上培训工作经验", "性别", "不限"], bold_cols=(0, 2))
    section_row(table, "工作关系")
    row_of(table, ["内部关系", "各部门负责人、内部讲师", None, None], bold_cols=(0,))
    row_of(table, ["外部关系", "培训机构、高校", None, None], bold_cols=(0,))
    save_docx(doc, path)


# A job board's page copied as text: the title alone on the first line, the pay on the next with
# the months after a spaced middle dot, a tag line whose place has a district after a space.
text_document("board-09-pay-line-under-title.txt", """\
运维开发工程师
18-30K · 14薪
杭州 余杭区 | 3-5年 | 本科 | 全职

职位描述
1、负责公司容器平台的建设与日常运维；
2、开发自动化运维工具，提升发布效率；
3、参与线上故障处理与复盘。

任职要求
1、计算机相关专业本科及以上学历，3年以上运维开发经验；
2、熟悉Kubernetes、Docker，熟练使用Go或Python；
3、有大规模集群运维经验者优先。
""")


# A form's indicators under a heading glossed in brackets, in two groups with their own headings,
# weights on each line, then a remark and the total of the weights.
text_document("form-15-kpi-groups-and-notes.txt", """\
岗位名称：招聘专员
所属部门：人力资源部

岗位职责：
1. 发布招聘信息，筛选简历；
2. 组织面试并跟进录用流程。

关键绩效指标（KPI）
定量指标：
招聘到岗率（权重40%）：不低于90%
简历筛选及时率（权重30%）：100%
定性指标：
用人部门满意度（权重30%）：满意
注：以上指标按季度考核。
合计：100%
""")


# A form whose indicators are listed on the heading's own line, parted by 、.
text_document("form-16-kpi-names-inline.txt", """\
岗位名称：出纳
所属部门：财务部

岗位职责：
1. 办理现金及银行收付业务；
2. 登记现金和银行存款日记账。

关键绩效指标：资金收付差错率、日记账登记及时率、银行对账及时率。
""")


# A posting: the position's name alone on the first line, then a paragraph introducing the employer
# that ends recruiting (现诚聘…一名), then labelled sections.
text_document("board-10-employer-blurb-under-title.txt", """\
仓储专员

青川冷链物流有限公司是一家专注于生鲜冷链仓储与配送的物流企业。因业务扩展，现诚聘仓储专员一名。

工作内容：负责冷库货物的收发与盘点，维护仓储系统数据。

要求：高中以上学历，能适应冷库作业环境。
""")


# A one-position leaflet signed at its end by the employer's office, dated by month only.
text_document("leaflet-20-office-signoff.txt", """\
岗位名称：前台接待
岗位职责：
1、负责来访客人的接待与登记；
2、负责会议室预订与收发快递。
任职要求：
1、大专以上学历；
2、形象气质佳，普通话标准。

苏州恒泰精密机械有限公司人力资源部
2024年5月
""")


# A Markdown posting whose heading opens with a recruiting word set off by a bar before the employer.
text_document("md-15-bar-recruiting-heading.md", """\
# 招聘｜江海证券 2024 社会招聘

## 合规专员

**工作职责**

1. 审核各项业务的合规性；
2. 组织开展合规培训。

**任职资格**

1. 法律、金融相关专业硕士及以上学历；
2. 2年以上合规工作经验。
""")


# A form typed as text whose items are numbered 1）2）, one item holding lettered sub-items
# (a. b.), and a requirement whose number stands right before a figure (2）1年以上…).
text_document("form-17-lettered-sub-items.txt", """\
行政专员

主要工作：
1）负责公司会议的组织与记录；
2）负责办公用品的采购与发放；
3）协助完成公司年会筹备：
   a. 联系场地与供应商；
   b. 统计参会人员并安排座位。

岗位要求：
1）行政管理相关专业；
2）1年以上行政工作经验。
""")


# A leaflet that sets each position's name in brackets on a line of its own, over headings
# without colons and dash-led items.
text_document("leaflet-21-bracketed-names.txt", """\
【美工】
工作内容
-完成店铺首页及详情页设计
-制作活动海报与推广图
任职资格
-设计相关专业
-熟练使用PS

【客服专员】
工作内容
-回复顾客咨询
-处理售后问题
任职资格
-打字速度快，有耐心
""")


# Two short cards typed as text: the superior under 报告上级, and in a 工作关系 sentence.
text_document("cards-05-superior-phrasings.txt", """\
岗位名称：财务主管
所属部门：财务部
报告上级：财务经理
督导下级：会计、出纳
岗位职责：
1、审核会计凭证；
2、编制月度财务报表。

岗位名称：质检员
所属部门：品质部
工作关系：向品质主管汇报；与生产部、仓储部协作。
岗位职责：
1、负责来料检验；
2、负责成品抽检。
""")


# A Markdown page of three postings whose headings name the department beside the position: before
# a dash, before a bar, in brackets after it.
text_document("md-16-department-beside-title.md", """\
# 禾风科技有限公司 2024 社会招聘

## 技术部-Java开发工程师

- 负责订单系统后端开发
- 参与代码评审

## 产品中心 | 产品经理

- 负责需求分析与原型设计
- 跟进产品上线

## 财务专员（财务部）

- 负责费用报销审核
- 负责记账凭证录入
""")


# A Word form whose indicator table has a category column before the indicators' own
# (考核项目 | 考核内容 | 权重 | 评分标准; both header words name indicators elsewhere) and ends with
# the weights' total (合计).
@document("form-18-kpi-category-column.docx")
def build_kpi_category_column(path: Path) -> None:
    doc, table = titled_form("客户经理岗位说明书", [3.0, 4.5, 2.5, 6.0])
    row_of(table, ["岗位名称", "客户经理", "所属部门", "营销部"], bold_cols=(0, 2))
    row_of(table, ["岗位职责", ["1、开发新客户；", "2、维护重点客户关系；", "3、跟进合同回款。"], None, None], bold_cols=(0,))
    section_row(table, "关键绩效指标")
    row_of(table, ["考核项目", "考核内容", "权重", "评分标准"], bold_cols=(0, 1, 2, 3))
    row_of(table, ["业绩指标", "销售额完成率", "40%", "完成100%得满分"])
    row_of(table, ["业绩指标", "回款率", "30%", "≥95%"])
    row_of(table, ["能力指标", "客户满意度", "20%", "≥90分"])
    row_of(table, ["态度指标", "出勤率", "10%", "≥98%"])
    row_of(table, ["合计", "", "100%", ""])
    save_docx(doc, path)


# A school's career page as HTML: the employer's blurb, <h3> positions numbered, one with the
# kind of employment in brackets after its name, <ul> lists under bold labels, a pay line.
text_document("html-07-employment-tail.html", """\
<html><head><title>加入我们 - 启明教育</title></head><body>
<div class="nav"><a href="/">首页</a> | <a href="/jobs">加入我们</a></div>
<h2>加入我们</h2>
<p>启明教育科技有限公司成立于2016年，专注中小学在线辅导。</p>
<h3>1. 高中英语老师（兼职）</h3>
<p><strong>岗位职责：</strong></p>
<ul><li>负责高中英语线上授课；</li><li>批改作业并反馈学习情况。</li></ul>
<p><strong>任职要求：</strong></p>
<ul><li>本科及以上学历，英语相关专业；</li><li>持有教师资格证。</li></ul>
<p>薪资：200-300元/课时</p>
<h3>2. 课程顾问</h3>
<p><strong>岗位职责：</strong></p>
<ul><li>为家长提供课程咨询；</li><li>完成课程销售目标。</li></ul>
<p><strong>任职要求：</strong></p>
<ul><li>大专及以上学历；</li><li>沟通能力强。</li></ul>
<div id="footer">© 2024 启明教育 版权所有</div>
</body></html>
""")


# A posting copied out of Word, whose symbol-font bullets came out as Latin-1 letters: Ø before the
# duties, § before the requirements; a diameter (Ø20) inside an item.
text_document("leaflet-22-symbol-font-bullets.txt", """\
机修工

岗位职责：
Ø 负责车间设备的日常点检与保养；
Ø 更换Ø20以下的轴承与密封件；
Ø 填写设备维修记录。

任职要求：
§ 中专以上学历；
§ 3年以上机修经验。
""")


# A Hong Kong posting in Traditional Chinese: 中五程度 (Form Five) as the education, a skill that
# jieba keeps as one word (書寫能力), and a Taiwan-style 條件要求 heading in the second posting.
text_document("trad-05-form-five.txt", """\
（一）倉務員（2名）
職責：
‧ 負責貨品收發及盤點
‧ 整理倉庫
要求：
‧ 中五程度
‧ 良好中英文書寫能力
待遇：面議

（二）行政助理（1名）
職責：
‧ 處理文書及檔案
條件要求：
‧ 大專以上學歷
‧ 一年以上相關經驗
""")


# A posting typed as plain lines: the name, then 职责 and 要求 alone on their lines (no colon), each
# item a line of its own without a bullet or an end mark, the first with commas and a 、 list.
text_document("board-11-bare-lines.txt", """\
跨境电商运营

职责
负责亚马逊店铺日常运营，包括商品上架、listing优化、广告投放
分析店铺销售数据，制定促销方案
跟进库存与物流，保证及时补货

要求
大专以上学历
1年以上亚马逊运营经验
""")


# A posting typed as plain lines whose duties are noun phrases, some as long as a wrapped line,
# none ending its sentence.
text_document("board-12-noun-phrase-lines.txt", """\
出纳

岗位职责
公司日常费用报销单据的审核与现金支付
银行存款日记账与现金日记账的登记核对
每月银行对账单的获取与余额调节表编制
员工社保公积金的缴纳

任职要求
财务相关专业大专以上学历
1年以上出纳工作经验
""")


# A two-column Word form: a company line over the table, reports with counts, the duties cell
# opening with an announcing line, the requirements cell a line per kind with its own label, the
# last one a label the lexicon does not know as a field (其他).
@document("form-19-requirement-sub-labels.docx")
def build_requirement_sub_labels(path: Path) -> None:
    doc = new_docx("岗位说明书")
    para(doc, "青松物业服务有限公司", bold=True, size=14, font=HEADING_FONT, align=CENTER)
    para(doc, "岗位说明书", bold=True, size=16, font=HEADING_FONT, align=CENTER)
    table = grid_table(doc, 2, [3.5, 12.5])
    row_of(table, ["岗位名称", "客服主管"], bold_cols=(0,))
    row_of(table, ["所属部门", "客服中心"], bold_cols=(0,))
    row_of(table, ["直接上级", "客服经理"], bold_cols=(0,))
    row_of(table, ["下属岗位", "客服专员（4人）、前台（2人）"], bold_cols=(0,))
    row_of(table, ["岗位职责", ["主要负责以下工作：", "1、制定客服工作计划并组织实施；", "2、处理业主投诉与报修；",
                               "3、组织业主满意度调查。"]], bold_cols=(0,))
    row_of(table, ["任职要求", ["学历：大专及以上", "专业：物业管理相关", "经验：3年以上物业客服工作经验",
                               "其他：持物业管理员证"]], bold_cols=(0,))
    save_docx(doc, path)


# A Markdown posting from a static site: the position and the employer only in the front matter,
# the body's headings a bare 职责 / 要求.
text_document("md-17-front-matter-only.md", """\
---
title: 数据分析师
company: 北辰数科
tags: [数据, 分析]
---

## 职责
- 搭建业务报表体系
- 支持运营团队的专题分析

## 要求
- 统计学或数学相关专业本科以上学历
- 熟练使用 SQL
""")


# Plain lines again, but the last item ends its sentence: each line after a long one opens with a
# duty's verb.
text_document("board-13-verb-led-lines.txt", """\
物流专员

工作内容
负责物流订单的跟踪与异常处理，协调承运商按时提货
跟进仓库出入库数据，核对每日发货单据
完成上级交办的其他工作。

任职要求
大专以上学历，物流管理相关专业
""")


# One posting a line, each opening with the name in brackets, the recruiting verb and the count,
# the pay in the same sentence, then short section words (职责：/要求：) after sentence ends.
text_document("dump-04-bracket-count-terms.txt", """\
【配送司机】招聘3人，月薪6500-8000元。职责：负责门店货物配送，做好车辆日常保养。要求：持C1驾照，3年以上驾龄。
【收银员】招聘2人，月薪4000-4800元。职责：负责收银结算与发票开具。要求：高中以上学历，45岁以下。
【面包师】招聘1人，月薪7000-9000元。职责：负责面包产品的制作与新品研发。要求：2年以上烘焙工作经验。
""")


# An HR system's export as CSV: a header row, one position a row, a quoted cell holding commas.
text_document("roster-02-export.csv", """\
序号,岗位,所属部门,编制,岗位职责,任职资格
1,仓库主管,物流部,1,"负责仓库全面管理,组织月度盘点",3年以上仓库管理经验
2,叉车工,物流部,2,负责货物装卸与搬运,持叉车证
""")

# A classified-ads page: each ad one sentence — the position and count, what it asks, the pay,
# how to apply — parted by commas only; no headings at all.
text_document("leaflet-23-one-sentence-ads.txt", """\
便民信息·招聘

招聘司机一名，要求持C1驾照，三年以上驾龄，年龄45岁以下，月薪5000元，有意者请联系王先生：13800000000。

招聘文员两名，要求女性，25岁以下，打字快，会Excel，月薪3000-3500元，有意者请致电0577-12345678。

招聘保安三名，要求男性，身高170cm以上，50岁以下，身体健康，月薪4200元，包吃住。
""")


# A formal description whose section headings announce what follows (职责如下：, 要求包括：, 环境为：).
text_document("form-20-announced-headings.txt", """\
行政专员岗位说明

一、岗位职责如下：
1、负责公司办公用品的采购与发放；
2、负责会议室预订及会议记录整理；
3、负责员工考勤统计与汇总。
二、任职要求包括：
1、行政管理相关专业本科学历；
2、熟练使用Office办公软件；
3、工作细致，责任心强。
三、工作环境为：
办公室，偶尔外出办事。
""")


# A department's hiring request sent as an e-mail: the department is the recruiting sentence's
# subject; the conditions ask for the body (视力, 色盲) as well as a degree and years.
text_document("notice-10-department-request.txt", """\
发件人：张丽（人力资源部）
主题：招聘需求-质检员

各位同事好：
质检部需招聘质检员2名，具体要求如下：
工作内容：负责原材料及成品检验，填写检验记录，发现质量问题及时上报。
任职条件：中专及以上学历，1年以上质检工作经验，视力良好，无色盲。
到岗时间：4月15日前
谢谢！
""")


# A job board's card: the title, then a tag line that opens with the pay; degree and experience
# "不限" (none required) under their own labels.
text_document("board-14-none-required.txt", """\
仓库理货员
月薪4500-5500元 | 宁波北仑 | 全职

学历：不限
经验：不限
年龄：18-45岁

岗位职责：
1. 负责货物的清点、理货与上架；
2. 协助完成出入库单据的核对；
3. 保持库区整洁。
""")

# A foreign firm's bilingual form: English label then Chinese label, values in English then
# Chinese; one duty written in English runs on with the word "company" inside it.
text_document("form-21-bilingual-labels.txt", """\
Job Description 职位说明书

Position 职位: Logistics Coordinator 物流协调员
Department 部门: Supply Chain 供应链部
Reports to 汇报对象: Logistics Manager 物流经理

Responsibilities 岗位职责:
1. Contact the forwarder and the transportation company for cargo receiving and delivering
2. 跟踪在途订单，每日更新物流状态
3. 与仓库及第三方物流协调发货

Requirements 任职要求:
1. 大专及以上学历，物流管理相关专业
2. 2年以上外资企业物流工作经验
3. 英语读写熟练
""")


# A tech firm's posting: the recruiting word in brackets before the title, a grade code after it.
text_document("board-15-grade-tail.txt", """\
【招聘】高级Java开发工程师（P6-P7）
工作地点：杭州滨江

岗位职责：
1、负责核心业务系统的架构设计与开发；
2、指导初中级工程师，进行代码评审。

任职资格：
1、计算机相关专业本科以上学历，5年以上Java开发经验；
2、精通Spring Cloud微服务架构。
""")

# A job board's cell flattened to one line, the duties written in English (one holding the word
# "company"), then the short section word 要求： after a space.
text_document("dump-05-english-duties-one-line.txt", """\
岗位：物流助理 工作地点：上海徐汇 职责： 1.Contacting the transportation company for cargo receiving and delivering 2.Daily tracking and recording for open orders 要求： 大专及以上学历，物流相关专业
""")

# Numbering a typist picks from the symbol menu: circled digits, Roman numerals (Ⅰ、Ⅱ、), full-width
# digits with a full-width stop, one item opening with a figure right after its number (２．３年).
text_document("form-22-numbering-variants.txt", """\
仓库主管岗位说明书

■ 岗位职责
①　负责仓库日常管理工作；
②　组织货物的收发存；
③　定期组织盘点。
■ 任职资格
Ⅰ、大专以上学历；
Ⅱ、熟悉WMS系统。
■ 上岗条件
１．持有叉车操作证；
２．３年以上仓储工作经验。
""")

# A card: the position's name alone, then its reporting line under a 汇报关系 heading, then the work.
text_document("cards-06-reporting-heading.txt", """\
人事助理

汇报关系：向人力资源经理汇报
工作内容：
1. 协助办理员工入职离职手续
2. 维护员工档案
""")


# A form whose superior's label is the bare word 主管 and whose subordinates are 所辖人员.
text_document("form-23-supervisor-labels.txt", """\
客服主管职位说明书
职位名称：客服主管
所属部门：客服中心
主管：客服经理
所辖人员：客服专员（8人）
职责：
1.管理客服团队日常工作
2.处理重大客户投诉
""")

# A training school's poster: the brand in brackets, the recruiting verb glued to the position;
# a requirement asks for experience without years.
text_document("leaflet-24-bracketed-brand.txt", """\
【蓝海教育】诚聘英语教师

岗位职责：
1、负责少儿英语课程教学；
2、参与教研活动。
任职要求：
1、英语专业本科以上学历；
2、有少儿教学经验。
""")


# A bank branch's recruitment notice: the employer is the branch (…银行杭州分行).
text_document("notice-11-bank-branch.txt", """\
中国农业银行杭州分行
2024年社会招聘公告

一、招聘岗位
客户经理 3名
岗位职责：负责客户营销与维护，完成存款和贷款业务指标。
任职条件：金融、经济类专业本科及以上学历，2年以上银行从业经验。
""")

# A posting in first-person prose; the requirements paragraph is two sentences, the second a wish.
text_document("prose-19-requirement-sentences.txt", """\
市场专员

我们正在寻找一位充满热情的市场专员加入我们的团队。你将负责公司品牌推广活动的策划与执行，管理公司社交媒体账号，并定期分析市场数据、撰写分析报告。

我们希望你拥有市场营销或相关专业本科以上学历，两年以上市场推广经验，具备出色的文案能力和沟通能力。有快消品行业经验者优先。

我们提供有竞争力的薪酬（8000-12000元/月）、五险一金和带薪年假。
""")

# A department's page of its positions: the head names the department and the doc word, each
# position numbered under it; one position packs an age with a health requirement.
text_document("lines-02-department-head.txt", """\
财务部各岗位职责

一、财务经理
1. 全面负责财务部工作
2. 审核财务报表
二、会计
1. 负责日常账务处理
2. 编制财务报表
三、出纳
1. 负责现金收付
2. 登记日记账
任职要求：45岁以下，身体健康；有会计从业经验者尤佳。
""")

# Text copied out of a PDF form: two pairs of labels a line, page footers, and duties wrapped by
# the page, one of them with only a word and its semicolon on the next line.
text_document("pdftext-02-short-wrapped-tail.txt", """\
XX集团有限公司                                              岗位说明书
岗位名称：人力资源专员                    岗位编号：HR-02
所属部门：人力资源部                      直接上级：人力资源经理
岗位职责：
1. 负责公司招聘渠道的维护与拓展，根据用人部门需求发布招聘信息，筛选简
历并安排面试；
2. 负责员工入职、转正、调动及离职手续的办理，维护员工档案及人事信息
系统；
3. 协助开展员工培训工作。
                                  第 1 页 共 2 页
任职资格：
1. 人力资源管理相关专业本科及以上学历；
2. 2年以上人力资源相关工作经验。
                                  第 2 页 共 2 页
""")

# Not a job description: one employee's filled appraisal for a quarter — indicators and weights
# as on a KPI card, but the score column holds the marks given.
text_document("appraisal-filled-form.txt", """\
员工绩效考核表

姓名：王五    部门：销售部    岗位：销售代表    考核期间：2024年第一季度
考核项目    权重    得分
销售额完成率    40%    35
回款率    30%    28
客户满意度    20%    18
团队协作    10%    9
合计    100%    90
考核人签字：          日期：
""")


# A position's KPI card typed as text: the score column is left blank for the appraiser, so the
# rows under the header are one cell short.
text_document("form-24-kpi-blank-score-column.txt", """\
销售代表岗位KPI考核表
岗位：销售代表    部门：销售部
考核项目    权重    目标值    得分
销售额完成率    40%    100%
回款率    30%    95%
客户满意度    30%    90分
""")

# Two cards that state the superior in a sentence: the position's own field after 本职位的, and
# the superior whose supervision and guidance the position accepts.
text_document("cards-07-superior-sentences.txt", """\
出纳岗位说明

本职位的直接上级为财务经理。
岗位职责：
1、负责现金收付；
2、登记现金日记账。

收银主管岗位说明

接受财务经理的监督和指导，负责收银台的日常管理。
岗位职责：
1、安排收银员排班；
2、核对每日营业款。
""")

# Indicators numbered under group headings (（一）定量指标 / （二）定性指标) with bare percentages that
# add up to 100, under a heading glossed in English brackets before its colon.
text_document("form-25-kpi-numbered-groups.txt", """\
岗位名称：行政主管
岗位职责：
1. 负责公司行政事务管理；
2. 组织公司会议及活动。
关键业绩指标（KPI）：
（一）定量指标
1. 办公费用预算控制率 30%
2. 会议组织满意度 20%
（二）定性指标
1. 工作态度 25%
2. 团队协作 25%
""")

# A factory's leaflet: the tasks as noun phrases parted by 、 after the duties' label, and the
# requirements packed with 男女不限 among them.
text_document("leaflet-25-listed-tasks.txt", """\
招聘岗位：仓库管理员
工作地点：苏州工业园区
岗位职责：货物出入库管理、库存盘点、单据整理
要求：男女不限，18-45周岁，身体健康，能适应两班倒
待遇：综合工资5000-7000元，包吃住
""")

# A two-column Word form with a row the lexicon has no label for (工作时间) among its head fields,
# and a 备注 row that says there is nothing.
@document("form-26-unknown-row-label.docx")
def build_unknown_row_label(path: Path) -> None:
    doc = new_docx("岗位说明书")
    para(doc, "网络管理员岗位说明书", bold=True, size=16, font=HEADING_FONT, align=CENTER)
    table = grid_table(doc, 2, [3.5, 12.5])
    row_of(table, ["岗位名称", "网络管理员"], bold_cols=(0,))
    row_of(table, ["所属部门", "信息部"], bold_cols=(0,))
    row_of(table, ["工作时间", "周一至周五 9:00-18:00，需轮流值班"], bold_cols=(0,))
    row_of(table, ["岗位职责", ["1. 负责公司网络设备维护", "2. 负责服务器巡检", "3. 处理员工电脑故障"]], bold_cols=(0,))
    row_of(table, ["任职条件", "计算机专业大专以上学历；熟悉网络设备配置"], bold_cols=(0,))
    row_of(table, ["备注", "无"], bold_cols=(0,))
    save_docx(doc, path)

# A posting in plain prose: the requirements sentence packs experience without years, a licence,
# knowledge and an age; a second sentence opens with 要求 as its verb.
text_document("prose-20-packed-requirement-sentence.txt", """\
物业管理员

工作内容主要是负责小区的日常管理，包括巡查公共区域、处理业主报修、收取物业费。

我们希望你有物业管理相关工作经验，持有物业管理员证，熟悉物业管理法规，年龄在30-45岁之间。要求具有较强的沟通能力。
""")

# A Taiwanese job bank's page copied as text: a run of fields the lexicon partly knows (職務類別,
# 出差外派, 上班時段 …), and a labelled list of other conditions ending with a wish.
text_document("trad-06-tw-job-bank.txt", """\
會計專員
工作內容
1. 處理日常帳務及傳票整理
2. 每月營業稅申報
3. 協助年度決算
職務類別：會計助理、財務會計助理
工作待遇：月薪 35,000~45,000元
工作性質：全職
上班地點：台北市內湖區瑞光路
管理責任：不需負擔管理責任
出差外派：無需出差外派
上班時段：日班，09:00~18:00
休假制度：週休二日
可上班日：一個月內
需求人數：1人
條件要求
工作經歷：2年以上
學歷要求：專科、大學
科系要求：會計學相關
擅長工具：Excel、鼎新ERP
其他條件：
1. 細心負責
2. 具會計丙級證照尤佳
""")

# A static site's posting whose place and pay stand only in the front matter.
text_document("md-18-front-matter-terms.md", """\
---
title: 后端开发工程师
company: 星河科技
location: 杭州
salary: 20k-35k
tags: [Go, 微服务]
---

## 职责
- 负责订单系统的设计与开发
- 参与技术方案评审

## 要求
- 3年以上Go开发经验
""")

# A notice listing its openings, then each position's requirements on a line of its own; one
# line gives a single clause of a known kind (a degree) beside a skill.
text_document("notice-12-openings-then-named-lines.txt", """\
招聘信息

一、招聘岗位：
1、销售经理 1人
2、销售助理 2人
3、仓库管理员 1人

二、岗位要求：
销售经理：本科以上学历，5年以上销售管理经验；
销售助理：大专以上学历，熟练使用办公软件；
仓库管理员：高中以上学历，有仓库管理经验者优先。

三、薪资待遇：面议，缴纳五险一金。
""")

# A position's duties in numbered groups under its title; the first group's name (日常接待) reads
# like a position, the second's (行政事务) does not.
text_document("cards-08-numbered-duty-groups.txt", """\
前台岗位职责
一、日常接待
1. 负责来访客人的接待与登记
2. 负责会议室预定
二、行政事务
1. 负责快递收发
2. 负责办公用品管理
""")

# A Word duty-module table saved as Markdown: each module a row "一 | 职责表述：…" and a row whose
# first cell spreads its heading over two words (工作  任务) with the tasks run together in one cell.
text_document("md-19-duty-module-table.md", """\
|  |  |  |
| --- | --- | --- |
| **店长助理岗位职责** | | |
| 一 | 职责表述：**负责店铺的日常经营管理**； | |
| 工作  任务 | 1. 负责每日工作流程顺利运行； 2. 负责每日业绩达成。 |
| 二 | 职责表述：**负责商品管理**； | |
| 工作  任务 | 1. 商品陈列与展示； 2. 监督店铺各类商品的损耗管理。 |
""")

text_document("prose-21-work-after-reporting-sentence.txt", """\
质检员岗位说明

本岗位隶属于品质部，直接上级为品质主管。主要负责来料、制程及成品的检验工作，填写检验记录并对不合格品进行标识和隔离；定期校准检验仪器并做好点检记录。

任职者应具备中专及以上学历，一年以上质检工作经验，能看懂产品图纸，工作细致认真。
""")

text_document("leaflet-26-terms-paragraph.txt", """\
招聘：餐厅服务员

工作内容：负责客人点餐、传菜、收拾餐桌，保持用餐区域整洁。
工作时间为做六休一，早九晚六，月薪4000-5500元，包吃住。
要求：18-40岁，身体健康，吃苦耐劳，有餐饮经验者优先。
联系电话：13800000000 王经理
""")

text_document("form-27-spaced-text-card.txt", """\
仓储部岗位说明书

岗位名称 仓库主管    岗位编号 CK-01
所属部门 仓储部    岗位定员 1人
直接上级 仓储经理    直接下级 仓管员、叉车司机

岗位职责
1、负责仓库日常收发存作业的组织与管理；
2、负责库存盘点，确保账实相符；
3、负责仓库安全与5S管理。

任职资格
学历 大专及以上    专业 物流管理
工作经验 3年以上仓库管理经验
""")

text_document("cards-09-bracketed-superior-notes.txt", """\
财务部岗位职责

一、会计岗位职责
（直接上级：财务经理）
1. 负责日常账务处理；
2. 编制月度财务报表；
3. 办理纳税申报。

二、出纳岗位职责
（直接上级：财务经理）
1. 负责现金收付；
2. 登记现金及银行日记账。
""")

text_document("md-20-bracketed-field-lines.md", """\
# 前端开发实习生招聘

【招聘岗位】前端开发实习生

【工作地点】深圳市南山区科技园

【实习时间】即日起，每周至少实习4天，实习期3个月以上

【面试形式】现场面试或视频面试

【岗位职责】
1. 参与公司H5活动页面的开发；
2. 配合后端完成接口联调。

【任职要求】
1. 计算机相关专业本科在读；
2. 熟悉HTML、CSS、JavaScript。

【实习待遇】200元/天，免费午餐
""")

text_document("trad-07-hk-dollar-ad.txt", """\
誠聘 會計主任

大昌貿易有限公司

職責：
- 處理公司全盤賬目
- 編製月結及年結報表
- 處理核數及稅務事宜

要求：
- 會計系學位或同等學歷
- 五年以上相關工作經驗
- 良好中英文書寫能力

待遇：月薪$25,000 - $30,000，另設年終花紅

有意者請將履歷寄往 hr@example.com
""")

text_document("board-16-job-info-block.txt", """\
销售代表
6000-8000元/月
广州恒通贸易有限公司
职位信息
1、负责公司产品的销售及推广；
2、根据市场营销计划，完成部门销售指标；
3、开拓新市场，发展新客户。
任职资格：
1、大专及以上学历；
2、1年以上销售经验。
职能类别：销售代表
上班地址：广州市天河区体育西路
""")

text_document("notice-13-summary-and-mixed-lists.txt", """\
招聘岗位：客服专员
招聘人数：若干
岗位描述：负责客户咨询的接待与回复，处理客户投诉，维护客户关系。
岗位要求：大专以上学历，普通话标准，有耐心。
薪资待遇：3500-5000元/月+绩效

招聘岗位：仓管员
招聘人数：2人
岗位职责及要求：
1. 负责物料的收发及账务登记；
2. 负责仓库的日常整理；
3. 高中以上学历，一年以上仓管经验；
4. 熟悉电脑操作。
薪资待遇：4000-4500元/月
""")

text_document("prose-22-sentence-lists-openings.txt", """\
招聘启事

因公司发展需要，现招聘会计1名、出纳2名。会计要求：会计专业大专以上学历，持初级会计证，有3年以上工作经验；出纳要求：高中以上学历，为人诚实可靠。有意者请将简历发送至hr@example.com。
""")

# A Word form whose head fields run across the page: a row of labels over one row of values,
# then section rows across the table, numbered duty rows (the number in a cell of its own) and a
# requirements cell of one requirement a paragraph.
@document("form-28-across-head-fields.docx")
def build_across_head_fields(path: Path) -> None:
    doc, table = titled_form("会计岗位说明书", [3, 3, 3, 3])
    row_of(table, ["岗位名称", "所属部门", "直接上级", "直接下级"], bold_cols=(0, 1, 2, 3))
    row_of(table, ["会计", "财务部", "财务经理", "出纳"])
    section_row(table, "岗位职责")
    row_of(table, ["1", "负责日常账务处理", None, None])
    row_of(table, ["2", "编制月度财务报表", None, None])
    row_of(table, ["3", "办理纳税申报", None, None])
    row_of(table, ["任职要求", ["大专及以上学历", "3年以上会计工作经验"], None, None], bold_cols=(0,))
    save_docx(doc, path)

# A Word form whose duty table names each duty in its 职责 column and measures it in the others
# (工作标准, 考核方式), then a requirements block: 任职资格 merged down over label | value rows.
@document("form-29-duty-name-column.docx")
def build_duty_name_column(path: Path) -> None:
    doc, table = titled_form("人事专员岗位说明书", [3, 4, 6])
    row_of(table, ["岗位名称", "人事专员", None], bold_cols=(0,))
    row_of(table, ["岗位关系", "直接上级：人事经理；直接下级：无", None], bold_cols=(0,))
    section_row(table, "岗位职责")
    row_of(table, ["职责", "工作标准", "考核方式"], bold_cols=(0, 1, 2))
    row_of(table, ["负责员工招聘工作", "按时完成招聘计划", "招聘完成率"])
    row_of(table, ["办理员工入离职手续", "手续完整无差错", "差错次数"])
    row_of(table, ["", "学历", "本科及以上"])
    row_of(table, ["", "专业", "人力资源管理"])
    row_of(table, ["", "经验", "2年以上人事工作经验"])
    merge_down(table, 0, 6, 8, "任职资格")
    save_docx(doc, path)

# A department's compilation: its title line (行政部岗位说明书), then per position its name as a
# heading line over its own small form, whose 岗位名称 row names it again.
@document("form-30-names-over-forms.docx")
def build_names_over_forms(path: Path) -> None:
    doc = new_docx("岗位说明书汇编")
    para(doc, "行政部岗位说明书", bold=True, size=16, font=HEADING_FONT, align=CENTER)
    for title, duties in (("行政主管", ["负责行政事务的统筹安排", "负责固定资产管理"]),
                          ("前台", ["负责来访客人的接待登记", "负责快递的收发"])):
        para(doc, title, bold=True, size=14, font=HEADING_FONT)
        table = grid_table(doc, 2, [3, 12])
        row_of(table, ["岗位名称", title], bold_cols=(0,))
        row_of(table, ["岗位职责", [f"{i}. {d}" for i, d in enumerate(duties, 1)]], bold_cols=(0,))
    save_docx(doc, path)

# Social-media posts: lines opened by emoji (a keycap digit numbering the duties), and a post
# that parts each field's name from its value with a bar.
text_document("leaflet-27-emoji-post.txt", """\
🔥【急招】新媒体运营
📍工作地点：上海徐汇
💰薪资：8-12K
✅岗位职责：
1️⃣ 负责公司公众号、小红书的日常运营
2️⃣ 策划线上活动，提升粉丝量
✅任职要求：
👉 本科及以上学历
👉 1年以上新媒体运营经验
📮简历投递：hr@example.com
""")

text_document("leaflet-28-bar-fields.txt", """\
招聘｜产品助理（实习）
地点｜北京朝阳
薪资｜200元/天
职责｜
· 协助产品经理完成需求文档
· 跟进产品测试与上线
要求｜
· 本科在读，每周实习4天以上
""")

# A department's cards as a PDF: the document's title names the department, each card opens with
# the position's name on a line of its own and then names it again (岗位名称：…) beside its superior.
@document("cards-10-pdf-name-lines.pdf")
def build_pdf_name_lines(path: Path) -> None:
    pdf = PdfLayout(header="恒达机械有限公司　岗位说明书汇编")
    pdf.paragraph("生产部岗位说明书", size=18, center=True)
    for title, boss, duties, quals in (
            ("车间主任", "生产经理", ["全面负责车间的生产组织与调度，确保按时按质完成生产计划，并对车间安全生产负直接责任",
                                    "组织车间员工的技能培训与绩效考核"], "大专及以上学历，机械相关专业，5年以上车间管理经验。"),
            ("班组长", "车间主任", ["负责本班组的生产任务分配与进度跟踪", "负责班组设备的日常点检"],
             "高中及以上学历，3年以上一线生产经验。")):
        pdf.paragraph(title, size=14, space_before=10)
        pdf.paragraph(f"岗位名称：{title}　　　　直接上级：{boss}", size=12)
        pdf.paragraph("岗位职责：", size=12)
        for i, duty in enumerate(duties, start=1):
            pdf.paragraph(f"{i}、{duty}", size=12)
        pdf.paragraph(f"任职资格：{quals}", size=12)
    path.write_bytes(pdf.bytes())

# Two cards whose name values open with a word that is also a duty verb (管理部, 执行校长), one of
# them under a superior's label that reads like a position (直属主管).
text_document("cards-11-names-opening-with-verbs.txt", """\
岗位名称：行政专员
部门：管理部
直属主管：管理部经理
工作内容：
一、负责公文收发与归档
二、协助办理员工差旅事宜

岗位名称：人事主管
部门：人事行政部
直接主管：执行校长
工作内容：
一、负责人事制度的执行与监督
二、负责员工招聘与培训
""")

# A department's cards that draw each reporting line as a chain of posts (财务总监→财务经理→会计→出纳).
text_document("cards-12-reporting-chains.txt", """\
财务部岗位说明书

一、会计
汇报关系：财务总监→财务经理→会计→出纳
岗位职责：
1. 负责日常账务处理
2. 编制月度财务报表

二、出纳
汇报关系：财务经理→会计→出纳
岗位职责：
1. 负责现金收付
2. 登记现金日记账
""")

# A card whose duties come in groups, each opened by a 职责N： marker and the group's name, its
# duties numbered under it.
text_document("cards-13-marked-duty-groups.txt", """\
行政经理岗位说明书
岗位名称：行政经理
所属部门：行政部
主要职责：
职责一：行政管理
（1）制定行政管理制度；
（2）监督制度执行。
职责二：后勤管理
（1）负责办公环境维护；
（2）负责公司车辆管理。
""")

# A Taiwanese job description form whose only title is its 職稱 line (a job title there; a rank on
# the mainland).
text_document("trad-08-tw-rank-label.txt", """\
職稱：行政專員
部門：管理部
直屬主管：管理部經理
工作內容：
一、負責公文收發與歸檔
二、協助辦理員工差旅事宜
資格條件：
大學以上畢業，具一年以上行政經驗，熟悉Word、Excel。
""")

# A board posting whose description is prose: the recruiting sentence names the position, the
# next sentence asks (你需要熟悉…).
text_document("board-17-description-asks.txt", """\
职位名称：Java开发工程师
工作年限：3-5年
学历要求：本科
月薪：15000-25000
职位描述：
我们正在寻找一名Java开发工程师，负责公司核心系统的开发。你需要熟悉Spring框架，有分布式系统经验者优先。
""")

# A Markdown posting whose 福利待遇 heading stands over one line of perks parted by 、 (the same
# perks as items, or after the label on its own line, are the benefits list); the pay is a
# bold label of its own.
text_document("md-21-perk-line-section.md", """\
# 新媒体运营专员

**工作地点：** 成都
**薪资范围：** 6K-9K

## 岗位职责
- 负责公众号与短视频账号的日常内容策划和发布
- 跟踪数据表现并输出周报

## 任职要求
- 本科及以上学历
- 1年以上新媒体运营经验

## 福利待遇
五险一金、周末双休、带薪年假、节日福利
""")

# A leaflet of two positions laid out one field name a line: 薪资待遇 over its figure, then a line
# of perks (read as one more duty); 福利待遇 alone over two lines of perks.
text_document("leaflet-29-pay-name-lines.txt", """\
招聘店员
岗位职责
1. 负责门店商品陈列与顾客接待
2. 负责收银与日结
薪资待遇
月薪4000-5000元
包吃包住、五险一金

招聘仓管员
岗位职责
1. 负责货物出入库登记
2. 负责每月库存盘点
福利待遇
包吃包住、年终奖
节日福利、带薪年假
""")

# A role card whose duties are drawn with two bullet glyphs: each • item names a group, the -
# items under it are its duties (the plain-text reader keeps no indentation to nest them by).
text_document("cards-14-bullet-groups.txt", """\
采购专员岗位说明书
所属部门：采购部
直接上级：采购经理
岗位职责：
• 供应商管理
  - 开发新供应商并进行资质审核
  - 定期评估供应商绩效
• 采购执行
  - 根据采购计划下达订单
  - 跟踪交期并处理异常
• 成本控制
  - 收集市场价格信息，进行比价议价
任职要求：
• 大专及以上学历
• 2年以上采购经验
""")

# A posting typed in a plain-text editor: its lists drawn with ASCII asterisks, its pay written
# with an asterisk between the range and the months.
text_document("leaflet-30-ascii-bullets.txt", """\
【招聘】测试工程师
薪资：12-18k * 13
岗位职责：
* 编写测试用例并执行功能测试
* 跟踪缺陷直至关闭
任职要求：
* 本科及以上学历，计算机相关专业
* 2年以上软件测试经验
""")

# =======================================================================================


if __name__ == "__main__":
    sys.exit(DOCUMENTS.main())
