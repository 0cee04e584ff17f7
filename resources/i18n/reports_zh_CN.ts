<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="89"/>
        <source>Reports</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="97"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="97"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="97"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="98"/>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="98"/>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="99"/>
        <source>Custom range</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="116"/>
        <source>All stations</source>
        <translation>全部驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="125"/>
        <source>Show</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="128"/>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="131"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="133"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="135"/>
        <source>Station</source>
        <translation>驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="148"/>
        <source>Export Excel…</source>
        <translation>导出Excel…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="148"/>
        <source>Export CSV…</source>
        <translation>导出CSV…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="149"/>
        <source>Print PDF…</source>
        <translation>打印PDF…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="155"/>
        <source>Member roster…</source>
        <translation>会员名册…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="158"/>
        <source>Personal data: ID numbers are masked and the export is recorded in the audit log</source>
        <translation>含个人信息：身份证号已脱敏，导出操作记入审计日志</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="162"/>
        <source>Yearly &amp;target…</source>
        <translation>年度目标(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="164"/>
        <source>The new-member target (入会目标) the gauge and the tables measure against</source>
        <translation>仪表盘和各表格据以计算完成率的年度入会目标</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="177"/>
        <source>Person-times by service</source>
        <translation>各服务项目人次</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="179"/>
        <source>Daily person-times</source>
        <translation>每日服务人次</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="181"/>
        <source>New members against the yearly target</source>
        <translation>新入会会员年度目标完成情况</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="263"/>
        <source>The end date is before the start date.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="284"/>
        <location filename="../../station_app/ui/reports_view.py" line="400"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="295"/>
        <source>Person-times (人次)</source>
        <translation>服务人次</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="296"/>
        <source>People (人)</source>
        <translation>服务人数</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="297"/>
        <source>Walk-in visits</source>
        <translation>非会员临时来访人次</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="298"/>
        <source>New members</source>
        <translation>新入会会员</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="300"/>
        <source>Relief money</source>
        <translation>慰问金</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="302"/>
        <source>Data up to</source>
        <translation>数据截至</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="309"/>
        <source>New members in %1 to date</source>
        <translation>%1年累计新入会</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="311"/>
        <source>No target set</source>
        <translation>未设置年度目标</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="368"/>
        <source>Yearly target</source>
        <translation>年度目标</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="369"/>
        <source>New members to sign up in %1 (0: no target):</source>
        <translation>%1 年计划发展新会员人数（0 表示不设目标）：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="393"/>
        <location filename="../../station_app/ui/reports_view.py" line="432"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="394"/>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="394"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="395"/>
        <location filename="../../station_app/ui/reports_view.py" line="426"/>
        <source>Export report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="401"/>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="419"/>
        <source>Exporting report…</source>
        <translation>正在导出报表…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="424"/>
        <location filename="../../station_app/ui/reports_view.py" line="427"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="431"/>
        <source>Member roster</source>
        <translation>会员名册</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="444"/>
        <source>Exporting member roster…</source>
        <translation>正在导出会员名册…</translation>
    </message>
</context>
</TS>
