<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="149"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="150"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="151"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="152"/>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="153"/>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="157"/>
        <source>accepted</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="157"/>
        <source>nothing new</source>
        <translation>无新内容</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="158"/>
        <source>refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="158"/>
        <source>dry run</source>
        <translation>试运行</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="159"/>
        <source>skipped</source>
        <translation>跳过（不是给本台账的）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="164"/>
        <source>forwarded bundle %1 set aside: %2</source>
        <translation>转来的数据包 %1 已隔离：%2</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="179"/>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="180"/>
        <source>Result: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="184"/>
        <location filename="../../station_app/ui/sync_view.py" line="195"/>
        <source>A copy is in the quarantine folder: %1</source>
        <translation>已复制到隔离文件夹：%1</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="187"/>
        <source>New entries: %1, already held: %2, conflicting: %3.</source>
        <translation>新增 %1 条，已有 %2 条，冲突 %3 条。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="191"/>
        <source>Forwarded bundle %1 was set aside: %2</source>
        <translation>转来的数据包 %1 已隔离：%2</translation>
    </message>
</context>
<context>
    <name>SamePersonDialog</name>
    <message>
        <location filename="../../station_app/ui/sync_same_person.py" line="30"/>
        <source>Same person at two stations</source>
        <translation>同一人在多个驿站登记</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_same_person.py" line="33"/>
        <source>Each person below signed up at more than one station before the stations knew of each other, and is an active member under every number. Nothing was merged. Ask the station(s) that signed up later to withdraw their record with the reason “signed up twice, kept …” (the number signed up first); the person leaves this list when that station&apos;s bundle arrives.</source>
        <translation>以下每人在各驿站互相知晓之前，分别在多个驿站登记入会，每个会员号都处于在会状态。同步不会合并任何记录。请登记在后的驿站为其办理退会，原因写“重复登记，保留 …”（最早登记的会员号）；该驿站的数据包到达后，此人即从列表中消失。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_same_person.py" line="45"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_same_person.py" line="45"/>
        <source>Member no.</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_same_person.py" line="45"/>
        <source>Station</source>
        <translation>驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_same_person.py" line="46"/>
        <source>Signed up</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_same_person.py" line="46"/>
        <source>What to do</source>
        <translation>处理办法</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_same_person.py" line="55"/>
        <source>signed up first: keep</source>
        <translation>最早登记：保留</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_same_person.py" line="57"/>
        <source>withdraw at that station, keep %1</source>
        <translation>在该站办理退会，保留 %1</translation>
    </message>
</context>
<context>
    <name>StationsModel</name>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="89"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="90"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="91"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="92"/>
        <source>Entries</source>
        <translation>记录数</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="93"/>
        <source>Contiguous to</source>
        <translation>连续至</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="94"/>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="95"/>
        <source>Last bundle</source>
        <translation>最近数据包</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="96"/>
        <source>Days since contact</source>
        <translation>未联系天数</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="100"/>
        <source>this ledger</source>
        <translation>本台账</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="100"/>
        <source>supervisor</source>
        <translation>上级</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="101"/>
        <source>enrolled</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="101"/>
        <source>known</source>
        <translation>已知</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="115"/>
        <source>(revoked)</source>
        <translation>（已吊销）</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="240"/>
        <source>Sync</source>
        <translation>数据同步</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="246"/>
        <source>Send to the supervisor</source>
        <translation>发送给上级</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="253"/>
        <source>&amp;Export bundle…</source>
        <translation>导出数据包(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="259"/>
        <source>Receive bundles</source>
        <translation>接收数据包</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="263"/>
        <source>Drop bundle files or a USB folder here, or choose them.</source>
        <translation>把数据包文件或U盘文件夹拖到这里，或点击右侧按钮选择。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="267"/>
        <source>&amp;Import bundles…</source>
        <translation>导入数据包(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="297"/>
        <source>Choose a file in the table to read everything about it here.</source>
        <translation>在上表中选中一个文件，这里显示它的完整说明。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="299"/>
        <source>Details of the chosen file</source>
        <translation>所选文件的详细说明</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="304"/>
        <source>Stations</source>
        <translation>驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="327"/>
        <source>Resolve &amp;fork…</source>
        <translation>解除分叉(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="330"/>
        <source>Take the chosen station&apos;s bundles again once you know which copy of its ledger is in use</source>
        <translation>查明该驿站在用哪一份台账后，重新接收其数据包</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="338"/>
        <source>Write &amp;return bundle…</source>
        <translation>生成回传包(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="354"/>
        <source>This is a supervisor&apos;s ledger that trusts no level above (such as the region): there is nobody to forward bundles to.</source>
        <translation>这是上级台账，但没有信任更上一级（如自治区总工会）：没有可以转交数据包的对象。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="359"/>
        <source>This is a supervisor&apos;s ledger: Export forwards to the level above the stations&apos; original bundles it has not acknowledged yet (%1 bundles) and %2 entries of this ledger&apos;s own.</source>
        <translation>这是上级台账：导出会把更上一级尚未确认收到的各驿站原始数据包（%1 个）和本台账自己的 %2 条记录转交上去。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="365"/>
        <source>No supervisor is trusted yet, so nothing can be exported. This is set up once per station with the supervisor&apos;s trust file: ask whoever looks after this PC.</source>
        <translation>尚未信任上级，暂时不能导出。每个驿站只需设置一次（用上级发来的信任文件），请联系负责本机设置的人员。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="392"/>
        <source>%1 people are active members under two numbers (signed up at two stations).</source>
        <translation>有 %1 人以两个会员号同时在会（在两个驿站重复登记）。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="394"/>
        <source>Same &amp;person twice… (%1)</source>
        <translation>重复登记(&amp;P)…（%1）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="457"/>
        <source>%1 files: %2 accepted, %3 with nothing new, %4 refused, %5 new entries.</source>
        <translation>共 %1 个文件：导入 %2 个，无新内容 %3 个，拒收 %4 个，新增 %5 条记录。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="462"/>
        <source>Skipped as meant for another ledger: %1.</source>
        <translation>不是给本台账的文件已跳过 %1 个。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="471"/>
        <source>Import cancelled: %1 of the %2 files chosen were not imported; import them again.</source>
        <translation>导入已取消：所选 %2 个文件中有 %1 个未导入，请再导入一次。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="370"/>
        <source>%1 entries not yet acknowledged by %2.</source>
        <translation>有 %1 条记录尚未得到上级 %2 确认。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="388"/>
        <source>No bundle for more than 14 days: %1</source>
        <translation>超过14天未收到数据包：%1</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="401"/>
        <source>Export to folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="409"/>
        <source>Writing the bundle…</source>
        <translation>正在写入数据包…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="414"/>
        <location filename="../../station_app/ui/sync_view.py" line="548"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="418"/>
        <source>Written: %1 (%2 entries)</source>
        <translation>已写入：%1（%2 条记录）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="425"/>
        <source>Import bundles</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="426"/>
        <source>Bundles (*.zip *.slbx);;All files (*)</source>
        <translation>数据包 (*.zip *.slbx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="442"/>
        <source>Importing bundles…</source>
        <translation>正在导入数据包…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="499"/>
        <source>Choose a station in the table first.</source>
        <translation>请先在表格中选择一个驿站。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="501"/>
        <source>Write return bundle to</source>
        <translation>回传包保存到</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="514"/>
        <source>Choose a station marked forked in the table first.</source>
        <translation>请先在表中选择标为分叉的驿站。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="518"/>
        <source>Resolve fork</source>
        <translation>解除分叉</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="519"/>
        <source>Station %1, epoch %2: seq %3 arrived twice with different content, so two copies of its ledger are in use. Only go on once the station works with one copy and the other is retired. What did you find out?</source>
        <translation>驿站 %1 第 %2 期：第 %3 号出现两条内容不同的记录，说明有两份台账在同时使用。请先确认驿站只用其中一份、另一份已停用，再继续。查明的情况是？</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="534"/>
        <source>Station %1&apos;s epoch %2 is no longer held: import its bundles again.</source>
        <translation>已解除驿站 %1 第 %2 期的暂停：请重新导入其数据包。</translation>
    </message>
</context>
</TS>
