<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConfirmKeyDialog</name>
    <message>
        <location filename="../../station_app/ui/sync_confirm.py" line="87"/>
        <source>Code:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_confirm.py" line="88"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_confirm.py" line="90"/>
        <source>Fingerprint:</source>
        <translation>公钥指纹：</translation>
    </message>
</context>
<context>
    <name>DryRunDialog</name>
    <message>
        <location filename="../../station_app/ui/sync_confirm.py" line="155"/>
        <source>Check first (dry run)</source>
        <translation>先检查（试运行）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_confirm.py" line="160"/>
        <source>Nothing has been written to the ledger. This is what importing these files would do:</source>
        <translation>台账未写入任何内容。导入这些文件将会：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_confirm.py" line="165"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_confirm.py" line="165"/>
        <source>Would be</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_confirm.py" line="165"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_confirm.py" line="165"/>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_confirm.py" line="166"/>
        <source>Conflicting</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_confirm.py" line="166"/>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_confirm.py" line="166"/>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_confirm.py" line="174"/>
        <source>taken</source>
        <translation>可接收</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_confirm.py" line="174"/>
        <source>refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_confirm.py" line="175"/>
        <source>skipped</source>
        <translation>跳过（不是给本台账的）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/sync_confirm.py" line="182"/>
        <source>%Ln entries missing before these</source>
        <translation>
            <numerusform>此前缺 %Ln 条记录</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_confirm.py" line="206"/>
        <source>Details of the chosen file</source>
        <translation>所选文件的详细说明</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/sync_confirm.py" line="217"/>
        <source>In all: %1 new, %2 already held, %3 conflicting, %4 missing; %n files would be refused.</source>
        <translation>
            <numerusform>合计：新增 %1，已有 %2，冲突 %3，缺失 %4；%n 个文件会被拒收。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_confirm.py" line="240"/>
        <source>Would be: %1</source>
        <translation>预计结果：%1</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_confirm.py" line="226"/>
        <source>&amp;Import these files now</source>
        <translation>现在导入这些文件(&amp;I)</translation>
    </message>
</context>
<context>
    <name>FingerprintLabel</name>
    <message>
        <location filename="../../station_app/ui/sync_confirm.py" line="64"/>
        <source>Key fingerprint</source>
        <translation>公钥指纹</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="129"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="130"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="131"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="132"/>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="133"/>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="137"/>
        <source>accepted</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="137"/>
        <source>nothing new</source>
        <translation>无新内容</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="138"/>
        <source>refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="138"/>
        <source>dry run</source>
        <translation>试运行</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="139"/>
        <source>skipped</source>
        <translation>跳过（不是给本台账的）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="144"/>
        <source>forwarded bundle %1 set aside: %2</source>
        <translation>转来的数据包 %1 已隔离：%2</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="160"/>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="162"/>
        <source>Result: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="166"/>
        <location filename="../../station_app/ui/sync_models.py" line="177"/>
        <source>A copy is in the quarantine folder: %1</source>
        <translation>已复制到隔离文件夹：%1</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="169"/>
        <source>New entries: %1, already held: %2, conflicting: %3.</source>
        <translation>新增 %1 条，已有 %2 条，冲突 %3 条。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="173"/>
        <source>Forwarded bundle %1 was set aside: %2</source>
        <translation>转来的数据包 %1 已隔离：%2</translation>
    </message>
</context>
<context>
    <name>SamePersonDialog</name>
    <message>
        <location filename="../../station_app/ui/sync_same_person.py" line="31"/>
        <source>Same person at two stations</source>
        <translation>同一人在多个驿站登记</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_same_person.py" line="34"/>
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
    <name>SetupBox</name>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="49"/>
        <source>Setting up (once per station)</source>
        <translation>首次设置（每个驿站一次）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="58"/>
        <source>Set &amp;up</source>
        <translation>设置(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="67"/>
        <source>E&amp;nrol a station…</source>
        <translation>登记驿站(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="70"/>
        <source>Write tr&amp;ust file…</source>
        <translation>生成信任文件(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="81"/>
        <source>Only the station admin may do this: sign in as the admin (Ctrl+L locks the screen so that someone else can sign in).</source>
        <translation>只有驿站管理员可以执行此操作：请以管理员身份登录（按 Ctrl+L 锁屏即可换人登录）。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="92"/>
        <source>Write this ledger&apos;s &amp;identity file…</source>
        <translation>生成本台账身份文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="93"/>
        <source>Trust the &amp;level above…</source>
        <translation>信任上一级(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="95"/>
        <source>Stations enrolled here: %1.</source>
        <translation>本台账已登记驿站：%1 个。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="96"/>
        <source>Level above: %1 %2.</source>
        <translation>上一级：%1 %2。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="98"/>
        <source>No level above is trusted (the region&apos;s own ledger needs none).</source>
        <translation>尚未信任上一级（自治区总工会自己的台账不需要）。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="101"/>
        <source>Write this station&apos;s &amp;identity file…</source>
        <translation>生成本站身份文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="102"/>
        <source>&amp;Trust the supervisor…</source>
        <translation>信任上级(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="104"/>
        <source>Supervisor: %1 %2 (fingerprint %3).</source>
        <translation>上级：%1 %2（公钥指纹 %3）。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="108"/>
        <source>Not set up yet: 1. write this station&apos;s identity file and give it to the supervisor; 2. when the supervisor gives you back a trust file, trust the supervisor. Both are in the Set up menu.</source>
        <translation>尚未设置：1. 生成本站身份文件并交给上级；2. 上级交回信任文件后，信任上级。两步都在右边的“设置”菜单里。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="122"/>
        <source>Where to write the identity file (for example the USB stick)</source>
        <translation>身份文件保存到哪里（例如U盘）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="133"/>
        <source>the level above (for example the region)</source>
        <translation>上一级（例如自治区总工会）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="134"/>
        <source>your supervisor</source>
        <translation>上级工会</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="136"/>
        <source>Identity file written</source>
        <translation>身份文件已生成</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="137"/>
        <source>The identity file is written. Give it to %1:</source>
        <translation>身份文件已生成，请交给%1：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="139"/>
        <source>This is this ledger&apos;s fingerprint. When they enrol it they will read a fingerprint to you over the phone: it must be exactly this one. If it differs, the file was changed on the way: do not go on.</source>
        <translation>这是本台账的公钥指纹。对方登记时会在电话里把指纹念给您听，必须与此完全一致。如果不一致，说明文件在途中被改动过，请不要继续。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="147"/>
        <source>The station&apos;s identity file</source>
        <translation>驿站的身份文件</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="148"/>
        <source>Identity files (identity_*.json *.json);;All files (*)</source>
        <translation>身份文件 (identity_*.json *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="158"/>
        <source>a supervisor (its stations&apos; bundles will come through it)</source>
        <translation>一个上级台账（其下驿站的数据包将经它转来）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="159"/>
        <source>a station</source>
        <translation>一个驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="161"/>
        <source>Enrol a station</source>
        <translation>登记驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="162"/>
        <source>This identity file is from %1. Phone the station and ask them to read out their fingerprint (their Setting up box shows it when they write the file). Enrol only if it is exactly this one.</source>
        <translation>此身份文件来自%1。请打电话给该驿站，请对方念出公钥指纹（对方生成身份文件时“首次设置”中会显示）。只有完全一致时才登记。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="167"/>
        <location filename="../../station_app/ui/sync_setup.py" line="319"/>
        <source>The station read out e&amp;xactly this fingerprint</source>
        <translation>驿站念出的指纹与此完全一致(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="266"/>
        <source>The supervisor read out e&amp;xactly this fingerprint</source>
        <translation>上级念出的指纹与此完全一致(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="168"/>
        <source>&amp;Enrol</source>
        <translation>登记(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="182"/>
        <source>Station enrolled</source>
        <translation>驿站已登记</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="183"/>
        <source>%1 %2 is enrolled: its bundles are accepted from now on. Its trust file is written next to its identity file; give it to the station:</source>
        <translation>%1 %2 已登记，今后接收其数据包。其信任文件已生成在身份文件旁边，请交给该驿站：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="187"/>
        <source>When the station trusts this file it sees the fingerprint above, this ledger&apos;s own: read it out to them so that they can compare.</source>
        <translation>驿站信任此文件时会看到上面的指纹（本台账的指纹），请念给对方核对。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="189"/>
        <source>Write the trust file to &amp;another folder…</source>
        <translation>另存信任文件到其他文件夹(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="197"/>
        <source>No station is enrolled yet: enrol one from its identity file first.</source>
        <translation>尚未登记任何驿站：请先用驿站的身份文件登记。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="203"/>
        <source>Write trust file</source>
        <translation>生成信任文件</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="204"/>
        <source>For which station?</source>
        <translation>为哪个驿站生成？</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="210"/>
        <source>Where to write the trust file for %1</source>
        <translation>%1 的信任文件保存到哪里</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="222"/>
        <source>Trust file written</source>
        <translation>信任文件已生成</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="223"/>
        <source>The trust file for %1 is written; give it to the station:</source>
        <translation>%1 的信任文件已生成，请交给该驿站：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="226"/>
        <source>When the station trusts it, it sees this fingerprint (this ledger&apos;s own): read it out to them so that they can compare.</source>
        <translation>驿站信任此文件时会看到这个指纹（本台账的指纹），请念给对方核对。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="233"/>
        <source>The trust file from the level above</source>
        <translation>上一级给的信任文件</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="234"/>
        <source>Trust files (trust_*.json *.json);;All files (*)</source>
        <translation>信任文件 (trust_*.json *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="249"/>
        <source>This ledger already trusts %1: trusting it again changes nothing.</source>
        <translation>本台账已信任 %1，再次信任不会改变任何内容。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/sync_setup.py" line="253"/>
        <source>This ledger now trusts %1 %2. Trusting %3 instead moves it to the new supervisor: what %1 acknowledged is forgotten, so the next export sends the WHOLE history of this ledger (%Ln entries) to %3, and return bundles from %1 are refused from then on.</source>
        <translation>
            <numerusform>本台账目前信任 %1 %2。改为信任 %3 即转到新的上级：%1 已确认的记录将被忘记，下次导出会把本台账的全部历史（%Ln 条记录）发给 %3，此后不再接收 %1 的回传包。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="260"/>
        <source>Trust the supervisor</source>
        <translation>信任上级</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="261"/>
        <source>Phone the supervisor and ask them to read out their fingerprint. Trust this file only if it is exactly this one: from then on this ledger&apos;s bundles, with the ID numbers in them, are sealed for this supervisor.</source>
        <translation>请打电话给上级，请对方念出公钥指纹。只有完全一致时才信任此文件：此后本台账的数据包（含身份证号）都将加密给这个上级。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="267"/>
        <source>&amp;Trust</source>
        <translation>信任(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="276"/>
        <source>Trusting the supervisor and re-hashing the members…</source>
        <translation>正在信任上级并重新计算会员的身份证号哈希…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="283"/>
        <source>Trusting the supervisor…</source>
        <translation>正在信任上级…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="289"/>
        <source>Now trusting %1 %2. Export is ready.</source>
        <translation>已信任 %1 %2，现在可以导出。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="302"/>
        <source>The file could not be read or written: %1</source>
        <translation>无法读取或写入文件：%1</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="311"/>
        <source>Enrol a station from its bundle</source>
        <translation>用数据包登记驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="312"/>
        <source>%1 comes from station %2, which is not enrolled here. Its bundle carries its own key, but anyone can make a bundle that says it is %2: phone the station and ask them to read out their fingerprint (writing the station&apos;s identity file shows it). Enrol it from the bundle only if it is exactly this one.</source>
        <translation>%1 来自驿站 %2，该驿站尚未在本台账登记。数据包中带有它自己的公钥，但任何人都能做一个自称 %2 的数据包：请打电话给该驿站，请对方念出公钥指纹（对方生成本站身份文件时会显示）。只有完全一致时才用此数据包登记。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="320"/>
        <source>&amp;Enrol and import</source>
        <translation>登记并导入(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_setup.py" line="321"/>
        <source>This choice is written to the audit log with your name.</source>
        <translation>此操作将连同您的用户名记入审计日志。</translation>
    </message>
</context>
<context>
    <name>StationsModel</name>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="67"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="68"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="69"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="70"/>
        <source>Entries</source>
        <translation>记录数</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="71"/>
        <source>Contiguous to</source>
        <translation>连续至</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="72"/>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="73"/>
        <source>Last bundle</source>
        <translation>最近数据包</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="74"/>
        <source>Days since contact</source>
        <translation>未联系天数</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="78"/>
        <source>this ledger</source>
        <translation>本台账</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="78"/>
        <source>supervisor</source>
        <translation>上级</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="79"/>
        <source>enrolled</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="79"/>
        <source>known</source>
        <translation>已知</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="93"/>
        <source>(revoked)</source>
        <translation>（已吊销）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_models.py" line="107"/>
        <source>none yet</source>
        <translation>尚未收到</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="70"/>
        <source>Sync</source>
        <translation>数据同步</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="82"/>
        <source>Send to the supervisor</source>
        <translation>发送给上级</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="89"/>
        <source>&amp;Export bundle…</source>
        <translation>导出数据包(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="100"/>
        <source>Receive bundles</source>
        <translation>接收数据包</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="104"/>
        <source>Drop bundle files or a USB folder here, or choose them.</source>
        <translation>把数据包文件或U盘文件夹拖到这里，或点击右侧按钮选择。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="111"/>
        <source>&amp;Import bundles…</source>
        <translation>导入数据包(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="151"/>
        <source>Choose a file in the table to read everything about it here.</source>
        <translation>在上表中选中一个文件，这里显示它的完整说明。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="153"/>
        <source>Details of the chosen file</source>
        <translation>所选文件的详细说明</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="167"/>
        <source>Stations</source>
        <translation>驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="190"/>
        <source>Resolve &amp;fork…</source>
        <translation>解除分叉(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="193"/>
        <source>Take the chosen station&apos;s bundles again once you know which copy of its ledger is in use</source>
        <translation>查明该驿站在用哪一份台账后，重新接收其数据包</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="201"/>
        <source>Write &amp;return bundle…</source>
        <translation>生成回传包(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="225"/>
        <source>This is a supervisor&apos;s ledger that trusts no level above (such as the region): there is nobody to forward bundles to.</source>
        <translation>这是上级台账，但没有信任更上一级（如自治区总工会）：没有可以转交数据包的对象。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/sync_view.py" line="289"/>
        <source>%n people are active members under two numbers (signed up at two stations).</source>
        <translation>
            <numerusform>有 %n 人以两个会员号同时在会（在两个驿站重复登记）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/sync_view.py" line="301"/>
        <source>Forward every station bundle this ledger holds (%1) and all %Ln of its own entries to the level above again?</source>
        <translation>
            <numerusform>把本台账保存的全部驿站数据包（%1 个）和本台账自己的全部 %Ln 条记录重新转交上一级？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/sync_view.py" line="304"/>
        <source>Export the whole history of this station again (%Ln entries), not only what the supervisor has not acknowledged?</source>
        <translation>
            <numerusform>重新导出本驿站的全部历史（%Ln 条记录），而不只是上级尚未确认的部分？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/sync_view.py" line="346"/>
        <source>Written: %1 (%Ln entries)</source>
        <translation>
            <numerusform>已写入：%1（%Ln 条记录）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="291"/>
        <source>Same &amp;person twice… (%1)</source>
        <translation>重复登记(&amp;P)…（%1）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="488"/>
        <source>Skipped as meant for another ledger: %1.</source>
        <translation>不是给本台账的文件已跳过 %1 个。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="94"/>
        <source>E&amp;xport everything again…</source>
        <translation>全部重新导出(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="115"/>
        <source>Chec&amp;k first (dry run)…</source>
        <translation>先检查（试运行）(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="117"/>
        <source>Show what importing files would do, without writing anything</source>
        <translation>显示导入文件的结果，不写入任何内容</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="122"/>
        <source>Enrol station from &amp;bundle…</source>
        <translation>用数据包登记驿站(&amp;B)…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/sync_view.py" line="230"/>
        <source>This is a supervisor&apos;s ledger: Export forwards to the level above the stations&apos; original bundles it has not acknowledged yet (%1) and %Ln entries of this ledger&apos;s own.</source>
        <translation>
            <numerusform>这是上级台账：导出会把更上一级尚未确认收到的各驿站原始数据包（%1 个）和本台账自己的 %Ln 条记录转交上去。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="235"/>
        <source>No supervisor is trusted yet, so nothing can be exported. This is set up once per station with the supervisor&apos;s trust file (Setting up, above; the station admin does it).</source>
        <translation>尚未信任上级，因此不能导出。每个驿站只需用上级的信任文件设置一次（见上方“首次设置”，由驿站管理员操作）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/sync_view.py" line="240"/>
        <source>%Ln entries not yet acknowledged by %1.</source>
        <translation>
            <numerusform>有 %Ln 条记录尚未得到上级 %1 确认。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="248"/>
        <source>Only the station admin or a supervisor account may do this.</source>
        <translation>只有驿站管理员或上级账号可以执行此操作。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="258"/>
        <source>Write the whole history again, for a supervisor who lost data</source>
        <translation>重新写出全部历史，用于上级丢失数据时</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="276"/>
        <source>No bundle for more than 14 days: %1</source>
        <translation>超过14天未收到数据包：%1</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="280"/>
        <source>No bundle received yet from: %1</source>
        <translation>尚未收到数据包：%1</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="307"/>
        <source>Export everything again</source>
        <translation>全部重新导出</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="311"/>
        <source>Do this only when the supervisor lost data (its ledger was restored or set up again). The file can be large and take a while to write; the supervisor skips what it already holds.</source>
        <translation>只在上级丢失数据（其台账从备份恢复或重新设置）时才这样做。文件可能很大，写出需要一些时间；上级已有的记录会自动跳过。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="314"/>
        <source>E&amp;xport everything</source>
        <translation>全部导出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="328"/>
        <source>Export to folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="336"/>
        <source>Writing the bundle…</source>
        <translation>正在写入数据包…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="342"/>
        <location filename="../../station_app/ui/sync_view.py" line="574"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="353"/>
        <source>Check bundles (nothing is written)</source>
        <translation>检查数据包（不写入任何内容）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="354"/>
        <source>Import bundles</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="355"/>
        <source>Bundles (*.zip *.slbx);;All files (*)</source>
        <translation>数据包 (*.zip *.slbx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="365"/>
        <source>Checking bundles…</source>
        <translation>正在检查数据包…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="365"/>
        <source>Importing bundles…</source>
        <translation>正在导入数据包…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="366"/>
        <source>Making a safety backup of the ledger before the import (a large ledger takes a while)…</source>
        <translation>导入前正在为台账做安全备份（台账较大时需要一些时间）…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="368"/>
        <source>Checking %1 (file %2 of %3)…</source>
        <translation>正在检查 %1（第 %2 个，共 %3 个文件）…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="369"/>
        <source>Importing %1 (file %2 of %3)…</source>
        <translation>正在导入 %1（第 %2 个，共 %3 个文件）…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="417"/>
        <source>Enrol the station of the chosen file from the key inside its bundle, after comparing its fingerprint</source>
        <translation>核对公钥指纹后，用所选文件数据包中的公钥登记该驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="429"/>
        <location filename="../../station_app/ui/sync_view.py" line="434"/>
        <source>Reading the bundle…</source>
        <translation>正在读取数据包…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/sync_view.py" line="482"/>
        <source>%n files: %1 accepted, %2 with nothing new, %3 refused, %4.</source>
        <translation>
            <numerusform>共 %n 个文件：导入 %1 个，无新内容 %2 个，拒收 %3 个，%4。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/sync_view.py" line="486"/>
        <source>%Ln new entries</source>
        <translation>
            <numerusform>新增 %Ln 条记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/sync_view.py" line="497"/>
        <source>Import cancelled: %n of the files chosen (%1 in all) were not imported; import them again.</source>
        <translation>
            <numerusform>导入已取消：所选 %1 个文件中有 %n 个未导入，请再导入一次。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="525"/>
        <source>Choose a station in the table first.</source>
        <translation>请先在表格中选择一个驿站。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="527"/>
        <source>Write return bundle to</source>
        <translation>回传包保存到</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="540"/>
        <source>Choose a station marked forked in the table first.</source>
        <translation>请先在表中选择标为分叉的驿站。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="544"/>
        <source>Resolve fork</source>
        <translation>解除分叉</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="545"/>
        <source>Station %1, epoch %2: seq %3 arrived twice with different content, so two copies of its ledger are in use. Only go on once the station works with one copy and the other is retired. What did you find out?</source>
        <translation>驿站 %1 第 %2 期：第 %3 号出现两条内容不同的记录，说明有两份台账在同时使用。请先确认驿站只用其中一份、另一份已停用，再继续。查明的情况是？</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sync_view.py" line="560"/>
        <source>Station %1&apos;s epoch %2 is no longer held: import its bundles again.</source>
        <translation>已解除驿站 %1 第 %2 期的暂停：请重新导入其数据包。</translation>
    </message>
</context>
</TS>
