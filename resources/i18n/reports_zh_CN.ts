<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="86" />
        <source>Reports</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="94" />
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="94" />
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="94" />
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="95" />
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="95" />
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="96" />
        <source>Custom range</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="113" />
        <source>All stations</source>
        <translation>全部驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="122" />
        <source>Show</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="125" />
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="128" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="130" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="132" />
        <source>Station</source>
        <translation>驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="145" />
        <source>Export Excel…</source>
        <translation>导出Excel…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="145" />
        <source>Export CSV…</source>
        <translation>导出CSV…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="146" />
        <source>Print PDF…</source>
        <translation>打印PDF…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="152" />
        <source>Member roster…</source>
        <translation>会员名册…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="155" />
        <source>Personal data: ID numbers are masked and the export is recorded in the audit log</source>
        <translation>含个人信息：身份证号已脱敏，导出操作记入审计日志</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="167" />
        <source>Person-times by service</source>
        <translation>各服务项目人次</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="169" />
        <source>Daily person-times</source>
        <translation>每日服务人次</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="171" />
        <source>New members against the yearly target</source>
        <translation>新入会会员年度目标完成情况</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="244" />
        <location filename="../../station_app/ui/reports_view.py" line="331" />
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="255" />
        <source>Person-times (人次)</source>
        <translation>服务人次</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="256" />
        <source>People (人)</source>
        <translation>服务人数</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="257" />
        <source>Walk-in visits</source>
        <translation>非会员临时来访人次</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="258" />
        <source>New members</source>
        <translation>新入会会员</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="260" />
        <source>Relief money</source>
        <translation>慰问金</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="262" />
        <source>Data up to</source>
        <translation>数据截至</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="269" />
        <source>New members in %1 to date</source>
        <translation>%1年累计新入会</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="271" />
        <source>No target set</source>
        <translation>未设置年度目标</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="324" />
        <location filename="../../station_app/ui/reports_view.py" line="358" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="325" />
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="325" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="326" />
        <location filename="../../station_app/ui/reports_view.py" line="352" />
        <source>Export report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="332" />
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="345" />
        <source>Exporting report…</source>
        <translation>正在导出报表…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="350" />
        <location filename="../../station_app/ui/reports_view.py" line="353" />
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="357" />
        <source>Member roster</source>
        <translation>会员名册</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/reports_view.py" line="370" />
        <source>Exporting member roster…</source>
        <translation>正在导出会员名册…</translation>
    </message>
</context>
</TS>