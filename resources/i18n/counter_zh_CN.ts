<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CheckInBar</name>
    <message>
        <location filename="../../station_app/ui/widgets/check_in.py" line="47"/>
        <source>Check-in: scan a card or search for a member</source>
        <translation>签到：扫会员证或查找会员</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/check_in.py" line="49"/>
        <source>Scan a membership card, or type a name, pinyin, phone tail or member number</source>
        <translation>扫会员证，或输入姓名、拼音、手机尾号、会员号</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/check_in.py" line="64"/>
        <source>Matching members</source>
        <translation>符合条件的会员</translation>
    </message>
</context>
<context>
    <name>ConsentBox</name>
    <message>
        <location filename="../../station_app/ui/dialogs/sign_up.py" line="223"/>
        <source>The member has read and agrees (consent version %1)</source>
        <translation>会员已阅读并同意（知情同意书版本 %1）</translation>
    </message>
</context>
<context>
    <name>CorrectDialog</name>
    <message>
        <location filename="../../station_app/ui/dialogs/correct.py" line="43"/>
        <source>Correct entry</source>
        <translation>更正记录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/correct.py" line="45"/>
        <source>The original stays in the ledger; the correction is a new entry.</source>
        <translation>原记录保留在台账中，更正作为一条新记录登记。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/correct.py" line="65"/>
        <source>Services</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/correct.py" line="73"/>
        <source>Worker type</source>
        <translation>职业类别</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/correct.py" line="77"/>
        <source>Money (¥)</source>
        <translation>慰问金（元）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/correct.py" line="80"/>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/correct.py" line="81"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
</context>
<context>
    <name>CounterPage</name>
    <message>
        <location filename="../../station_app/ui/counter.py" line="60"/>
        <source>Counter</source>
        <translation>前台</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="100"/>
        <source>Sign up (F4)</source>
        <translation>入会（F4）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="109"/>
        <source>Counter messages</source>
        <translation>前台提示</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="115"/>
        <source>Relief (F5)</source>
        <translation>慰问（F5）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="117"/>
        <source>Programme (F6)</source>
        <translation>项目报名（F6）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="119"/>
        <source>Transfer (F7)</source>
        <translation>会籍转接（F7）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="133"/>
        <source>Record visit (Enter)</source>
        <translation>登记服务（回车）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="136"/>
        <source>Walk-in (F3)</source>
        <translation>散客（F3）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="230"/>
        <source>Today&apos;s ledger</source>
        <translation>今日台账</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="221"/>
        <source>Check-in bar</source>
        <translation>签到栏</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="221"/>
        <source>Find member / record visit</source>
        <translation>查找会员 / 登记服务</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="222"/>
        <source>Pick services after a scan</source>
        <translation>扫码后选择服务</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="223"/>
        <source>Pick services at any time</source>
        <translation>随时选择服务</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="227"/>
        <source>Walk-in visit</source>
        <translation>散客服务</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="228"/>
        <source>Sign up a member</source>
        <translation>会员入会登记</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="228"/>
        <source>Relief handout</source>
        <translation>慰问发放</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="229"/>
        <source>Programme enrolment</source>
        <translation>项目报名</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="229"/>
        <source>Membership transfer</source>
        <translation>会籍转接</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="230"/>
        <source>Void the selected entry</source>
        <translation>作废选中的记录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="231"/>
        <source>Correct the selected entry</source>
        <translation>更正选中的记录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="234"/>
        <source>Print the member&apos;s card</source>
        <translation>打印会员证</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="234"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="235"/>
        <source>Lock the screen (another attendant signs in)</source>
        <translation>锁屏（换其他操作员登录）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="237"/>
        <source>Self-service mode (station admin)</source>
        <translation>自助模式（驿站管理员）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="238"/>
        <source>Switch tabs</source>
        <translation>切换标签页</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/counter.py" line="305"/>
        <source>%n members match. Pick one with ↑ ↓ and Enter.</source>
        <translation>
            <numerusform>有 %n 名会员符合，请用 ↑ ↓ 选择后按回车。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/counter.py" line="391"/>
        <source>%n matching members (↑ ↓ to choose, Enter to pick)</source>
        <translation>
            <numerusform>找到 %n 名会员（↑ ↓ 选择，回车确认）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="236"/>
        <source>Change my PIN</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="224"/>
        <source>Next person (clear). After a visit or another action the member stays marked “served” for F5/F6/F7/F9 until Esc, the next card or %1 s without input</source>
        <translation>下一位（清空）。办理来访或其他业务后，会员标为“已服务”，F5/F6/F7/F9 仍针对该会员，直到按 Esc、扫下一张卡或 %1 秒无操作</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="232"/>
        <source>Member: edit profile, real-name verification, withdrawal, rejoin</source>
        <translation>会员：编辑资料、实名认证、退会、重新入会</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="308"/>
        <source>Nothing found for “%1”. Check the number, or search by name, pinyin or phone tail.</source>
        <translation>未找到“%1”。请核对号码，或按姓名、拼音、手机尾号查找。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="338"/>
        <source>%1: pick services with the number keys, then press Enter.</source>
        <translation>%1：按数字键选择服务项目，再按回车登记。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="410"/>
        <source>Scan a card or find a member first, or press Walk-in (F3).</source>
        <translation>请先扫码或查找会员，或按“散客”（F3）。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="416"/>
        <source>Pick at least one service (number keys 1–9).</source>
        <translation>请至少选择一项服务（数字键 1–9）。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="435"/>
        <source>Pick the services first (click them or Ctrl+1…9), then press Walk-in.</source>
        <translation>请先选择服务项目（点击或 Ctrl+1…9），再点“散客”。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="453"/>
        <source>Walk-in</source>
        <translation>散客</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="459"/>
        <source>Recorded: %1 — %2</source>
        <translation>已登记：%1 — %2</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="563"/>
        <source>The card shown cannot be used. Find the member by name or number, or press Esc for the next person.</source>
        <translation>这张会员证不能使用。请按姓名或会员号查找会员，或按 Esc 接待下一位。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="576"/>
        <source>Relief recorded.</source>
        <translation>慰问已登记。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="584"/>
        <source>Find the member first: programmes are for members.</source>
        <translation>请先找到会员：项目仅限会员报名。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="591"/>
        <source>Enrolment recorded.</source>
        <translation>报名已登记。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter.py" line="602"/>
        <source>Transfer recorded.</source>
        <translation>会籍转接已登记。</translation>
    </message>
</context>
<context>
    <name>CounterScans</name>
    <message>
        <location filename="../../station_app/ui/counter_scans.py" line="72"/>
        <source>A card was scanned. It is checked in when this window is closed. Is this window still for the right person?</source>
        <translation>刚扫了一张会员证，关闭本窗口后自动签到。请确认本窗口办理的仍是正确的人。</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../station_app/ui/errors.py" line="149"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/errors.py" line="152"/>
        <source>Something unexpected went wrong. What was already saved in the ledger is safe.
Please copy the details below and send them to your support contact.</source>
        <translation>发生了意外错误。台账中已保存的内容是安全的。
请复制下面的详情，发给技术支持人员。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/errors.py" line="159"/>
        <source>Error details</source>
        <translation>错误详情</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/errors.py" line="162"/>
        <source>Log file: %1</source>
        <translation>日志文件：%1</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/errors.py" line="168"/>
        <source>&amp;Copy details</source>
        <translation>复制详情(&amp;C)</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../station_app/ui/dialogs/__init__.py" line="138"/>
        <source>Close without saving? What was typed in this window is lost.</source>
        <translation>不保存就关闭吗？此窗口中填写的内容将丢失。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/__init__.py" line="142"/>
        <source>&amp;Discard</source>
        <translation>放弃填写(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/__init__.py" line="145"/>
        <source>&amp;Keep editing</source>
        <translation>继续填写(&amp;K)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../station_app/ui/errors.py" line="184"/>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <location filename="../../station_app/ui/jobs.py" line="174"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/jobs.py" line="188"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="68"/>
        <source>Station Ledger</source>
        <translation>驿站台账</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="106"/>
        <source>&amp;Station</source>
        <translation>驿站(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="107"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="116"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="120"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="128"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="129"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="132"/>
        <source>&amp;About Station Ledger</source>
        <translation>关于驿站台账(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="138"/>
        <source>Station %1 · %2 · ledger %3</source>
        <translation>驿站 %1 · %2 · 台账 %3</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="142"/>
        <source>Attendant: %1</source>
        <translation>值班员：%1</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="203"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="210"/>
        <source>About Station Ledger</source>
        <translation>关于驿站台账</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="211"/>
        <source>Station Ledger %1
Offline ledger for trade-union service stations.</source>
        <translation>驿站台账 %1
工会驿站离线服务台账。</translation>
    </message>
</context>
<context>
    <name>MemberActions</name>
    <message>
        <location filename="../../station_app/ui/widgets/member_actions.py" line="40"/>
        <source>&amp;Edit profile…</source>
        <translation>编辑资料(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_actions.py" line="42"/>
        <source>&amp;Real-name verified</source>
        <translation>实名认证(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_actions.py" line="47"/>
        <source>&amp;Withdraw from the union…</source>
        <translation>退会(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_actions.py" line="49"/>
        <source>Re&amp;join the union…</source>
        <translation>重新入会(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_actions.py" line="51"/>
        <source>Member (F9)</source>
        <translation>会员操作 (F9)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_actions.py" line="52"/>
        <source>Member: edit profile, verification, withdrawal</source>
        <translation>会员操作：编辑资料、实名认证、退会</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_actions.py" line="53"/>
        <source>Edit the profile, mark real-name verification or record a withdrawal (F9)</source>
        <translation>编辑资料、标记实名认证或办理退会（F9）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_actions.py" line="107"/>
        <source>Find a member of this station first (scan the card or search by name, number or phone tail).</source>
        <translation>请先找到本站会员（扫会员证，或按姓名、会员号、手机尾号查找）。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_actions.py" line="120"/>
        <source>%1 is a member of station %2. Only that station can change the profile, the real-name verification or the membership.</source>
        <translation>%1 是驿站 %2 的会员，只有该驿站才能修改其资料、实名认证或会籍。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_actions.py" line="156"/>
        <source>Profile of %1 saved; the old values stay in the history.</source>
        <translation>%1 的资料已保存，原来的内容保留在历史记录中。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_actions.py" line="167"/>
        <source>Real-name verification</source>
        <translation>实名认证</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_actions.py" line="169"/>
        <source>Remove the real-name verification of %1 (%2)?</source>
        <translation>取消 %1（%2）的实名认证？</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_actions.py" line="171"/>
        <source>Mark %1 (%2) as real-name verified?

Compare the resident ID card with the person and with the ID number on file first.</source>
        <translation>将 %1（%2）标记为已实名认证？

请先核对居民身份证与本人，以及与登记的身份证号是否一致。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_actions.py" line="187"/>
        <source>%1 is no longer marked real-name verified.</source>
        <translation>%1 已取消实名认证。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_actions.py" line="188"/>
        <source>%1 is now real-name verified.</source>
        <translation>%1 已实名认证。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_actions.py" line="199"/>
        <source>Withdraw from the union</source>
        <translation>退会</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_actions.py" line="200"/>
        <source>%1 (%2) leaves the union. The membership card can no longer be used; the member&apos;s history stays. Why does the member leave?</source>
        <translation>%1（%2）将退出工会。退会后会员证不能再使用，该会员的历史记录保留。退会原因是什么？</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_actions.py" line="204"/>
        <source>&amp;Withdraw</source>
        <translation>退会(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_actions.py" line="217"/>
        <source>%1 has withdrawn from the union; the card can no longer be used.</source>
        <translation>%1 已退会，会员证不能再使用。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_actions.py" line="234"/>
        <source>%1 has rejoined the union under member number %2; the card can be used again.</source>
        <translation>%1 已重新入会，沿用会员号 %2，原会员证可以再次使用。</translation>
    </message>
</context>
<context>
    <name>MemberEditDialog</name>
    <message>
        <location filename="../../station_app/ui/dialogs/member_edit.py" line="42"/>
        <source>Edit member profile</source>
        <translation>编辑会员资料</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/member_edit.py" line="44"/>
        <source>%1 · member %2</source>
        <translation>%1 · 会员号 %2</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/member_edit.py" line="55"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/member_edit.py" line="56"/>
        <source>&amp;Mobile</source>
        <translation>手机号(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/member_edit.py" line="60"/>
        <source>Worker type</source>
        <translation>职业类别</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/member_edit.py" line="64"/>
        <source>&amp;Worker type</source>
        <translation>职业类别(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/member_edit.py" line="67"/>
        <source>Platform / employer</source>
        <translation>平台/单位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/member_edit.py" line="71"/>
        <source>&amp;Platform / employer</source>
        <translation>平台/单位(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/member_edit.py" line="73"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/member_edit.py" line="74"/>
        <source>Why the change (required), e.g. new phone</source>
        <translation>修改原因（必填），如：换了手机号</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/member_edit.py" line="76"/>
        <source>The old values stay in the member&apos;s history.</source>
        <translation>原来的内容保留在该会员的历史记录中。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/member_edit.py" line="84"/>
        <source>&amp;Save changes</source>
        <translation>保存修改(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/member_edit.py" line="150"/>
        <source>That was a card scan. Type the reason.</source>
        <translation>刚才扫描的是会员证，请输入原因。</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="84"/>
        <source>Member being served</source>
        <translation>正在服务的会员</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="118"/>
        <source>Member no.</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="119"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="120"/>
        <source>Worker type</source>
        <translation>职业类别</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="121"/>
        <source>Platform / employer</source>
        <translation>平台/单位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="122"/>
        <source>Home station</source>
        <translation>所属驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="123"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="124"/>
        <source>Visits</source>
        <translation>服务次数</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="125"/>
        <source>Programmes</source>
        <translation>已报项目</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="126"/>
        <source>Relief</source>
        <translation>慰问</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="145"/>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="171"/>
        <source>Print card</source>
        <translation>打印会员证</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="148"/>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="182"/>
        <source>Reissue card</source>
        <translation>补办会员证</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="214"/>
        <source>✓ Served at %1. F5, F6, F7 and F9 still act on this member. For the next person press Esc or scan their card (cleared by itself after %2 s without input).</source>
        <translation>✓ 已于 %1 服务。F5、F6、F7 和 F9 仍针对此会员。接待下一位请按 Esc 或扫其会员证（%2 秒无操作后自动清空）。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="228"/>
        <source>Next, please</source>
        <translation>请下一位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="295"/>
        <source>Member %1</source>
        <translation>会员 %1</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="306"/>
        <source>%1 (another station)</source>
        <translation>%1（外站会员）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="314"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="316"/>
        <source>today %1 · this month %2</source>
        <translation>今日 %1 次 · 本月 %2 次</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="321"/>
        <source>no campaign running</source>
        <translation>当前无慰问活动</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="323"/>
        <source>%1: received</source>
        <translation>%1：已领取</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="325"/>
        <source>%1: not yet</source>
        <translation>%1：未领取</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="333"/>
        <source>not in this station&apos;s ledger</source>
        <translation>不在本站台账中</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="335"/>
        <source>not known at this station (can be served)</source>
        <translation>本站暂无此会员（可以服务）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="339"/>
        <source>card replaced</source>
        <translation>已补办新卡</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="341"/>
        <source>real-name verified</source>
        <translation>已实名认证</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="351"/>
        <source>. To take them back: Member (F9) → Rejoin the union.</source>
        <translation>。如需恢复会籍：会员操作 (F9) → 重新入会。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="356"/>
        <source>This card&apos;s station is not known here, so its signature could not be checked. The member can still be served.</source>
        <translation>本站不认识发卡驿站，无法核验签名。仍可为该会员服务。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/member_panel.py" line="361"/>
        <source>Member %1 is not in this ledger yet (another station&apos;s member). The visit is recorded by member number.</source>
        <translation>本台账中暂无会员 %1（外站会员），按会员号登记服务。</translation>
    </message>
</context>
<context>
    <name>ProgrammeDialog</name>
    <message>
        <location filename="../../station_app/ui/dialogs/programme.py" line="29"/>
        <source>Programme enrolment</source>
        <translation>项目报名</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/programme.py" line="32"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/programme.py" line="35"/>
        <source>Programme</source>
        <translation>帮扶项目</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/programme.py" line="38"/>
        <source>&amp;Programme</source>
        <translation>项目(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/programme.py" line="41"/>
        <source>Child&apos;s name</source>
        <translation>子女姓名</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/programme.py" line="44"/>
        <source>Child&apos;s age</source>
        <translation>子女年龄</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/programme.py" line="47"/>
        <source>&amp;Child&apos;s name</source>
        <translation>子女姓名(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/programme.py" line="49"/>
        <source>Child&apos;s &amp;age</source>
        <translation>子女年龄(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/programme.py" line="61"/>
        <source>&amp;Enrol</source>
        <translation>报名(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/programme.py" line="77"/>
        <source>For women members only.</source>
        <translation>仅限女会员。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/programme.py" line="78"/>
        <source>Not eligible: this screening is for women members only.</source>
        <translation>不符合条件：此项筛查仅限女会员。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/programme.py" line="82"/>
        <source>For members&apos; children aged 3 to 16.</source>
        <translation>面向会员3至16岁的子女。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/programme.py" line="86"/>
        <source>Open to every active member.</source>
        <translation>所有在册会员均可报名。</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../station_app/ui/dialogs/reason.py" line="28"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/reason.py" line="29"/>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/reason.py" line="53"/>
        <source>That was a card scan. Type the reason.</source>
        <translation>刚才扫描的是会员证，请输入原因。</translation>
    </message>
</context>
<context>
    <name>RejoinDialog</name>
    <message>
        <location filename="../../station_app/ui/dialogs/rejoin.py" line="35"/>
        <source>Rejoin the union</source>
        <translation>重新入会</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/rejoin.py" line="38"/>
        <source>%1 (member %2) withdrew from the union and joins again under the same member number. The membership card can be used again.</source>
        <translation>%1（会员号 %2）曾退会，现沿用原会员号重新入会，原会员证可以再次使用。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/rejoin.py" line="46"/>
        <source>&amp;Mobile</source>
        <translation>手机号(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/rejoin.py" line="50"/>
        <source>Worker type</source>
        <translation>职业类别</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/rejoin.py" line="55"/>
        <source>&amp;Worker type</source>
        <translation>职业类别(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/rejoin.py" line="58"/>
        <source>Platform / employer</source>
        <translation>平台/单位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/rejoin.py" line="62"/>
        <source>&amp;Platform / employer</source>
        <translation>平台/单位(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/rejoin.py" line="70"/>
        <source>Re&amp;join</source>
        <translation>重新入会(&amp;J)</translation>
    </message>
</context>
<context>
    <name>ReliefDialog</name>
    <message>
        <location filename="../../station_app/ui/dialogs/relief.py" line="42"/>
        <source>Relief handout</source>
        <translation>慰问发放</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/relief.py" line="49"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/relief.py" line="56"/>
        <source>&amp;Worker type (not a member)</source>
        <translation>职业类别（非会员）(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/relief.py" line="59"/>
        <source>Campaign</source>
        <translation>慰问活动</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/relief.py" line="65"/>
        <source>&amp;Campaign</source>
        <translation>慰问活动(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/relief.py" line="68"/>
        <source>Money in yuan</source>
        <translation>慰问金（元）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/relief.py" line="69"/>
        <source>yuan, e.g. 200 or 12.50</source>
        <translation>单位：元，如 200 或 12.50</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/relief.py" line="70"/>
        <source>&amp;Money (¥)</source>
        <translation>慰问金（元）(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/relief.py" line="77"/>
        <source>Goods</source>
        <translation>慰问物资</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/relief.py" line="83"/>
        <source>&amp;Add goods line</source>
        <translation>增加物资(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/relief.py" line="98"/>
        <source>Reason for giving again</source>
        <translation>再次发放的原因</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/relief.py" line="99"/>
        <source>Reason for giving again (required to override)</source>
        <translation>再次发放的原因（必填）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/relief.py" line="106"/>
        <source>&amp;Hand out</source>
        <translation>发放(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/relief.py" line="113"/>
        <source>No campaign yet: add one in Settings → Campaigns.</source>
        <translation>尚无慰问活动，请在“设置 → 慰问活动”中添加。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/relief.py" line="124"/>
        <source>Goods item %1</source>
        <translation>物资 %1</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/relief.py" line="128"/>
        <source>Quantity %1</source>
        <translation>数量 %1</translation>
    </message>
</context>
<context>
    <name>ServiceEditDialog</name>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="56"/>
        <source>&amp;Code</source>
        <translation>编码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="57"/>
        <source>&amp;Chinese name</source>
        <translation>中文名称(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="58"/>
        <source>&amp;English name</source>
        <translation>英文名称(&amp;E)</translation>
    </message>
</context>
<context>
    <name>ServicePad</name>
    <message>
        <location filename="../../station_app/ui/widgets/service_pad.py" line="30"/>
        <source>Services given</source>
        <translation>提供的服务</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/service_pad.py" line="60"/>
        <source>Number key %1</source>
        <translation>数字键 %1</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/widgets/service_pad.py" line="61"/>
        <source>Key %1</source>
        <translation>按键 %1</translation>
    </message>
</context>
<context>
    <name>ServicesModel</name>
    <message>
        <location filename="../../station_app/ui/models/services.py" line="42"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/services.py" line="42"/>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/services.py" line="42"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/services.py" line="43"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/services.py" line="59"/>
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/services.py" line="59"/>
        <source>retired</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="71"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="76"/>
        <source>&amp;Station</source>
        <translation>驿站(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="77"/>
        <source>Se&amp;rvices</source>
        <translation>服务项目(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="78"/>
        <source>&amp;Campaigns</source>
        <translation>慰问活动(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="79"/>
        <location filename="../../station_app/ui/dialogs/settings.py" line="309"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="100"/>
        <source>Station code</source>
        <translation>驿站编码</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="103"/>
        <source>Station &amp;name</source>
        <translation>驿站名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="106"/>
        <source>&amp;League / city federation</source>
        <translation>所属盟市总工会(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="107"/>
        <source>supervisor</source>
        <translation>上级（盟市）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="107"/>
        <source>station</source>
        <translation>驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="108"/>
        <location filename="../../station_app/ui/dialogs/settings.py" line="265"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="111"/>
        <source>Key fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="114"/>
        <source>Ledger file</source>
        <translation>台账文件</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="115"/>
        <source>Save station &amp;identity</source>
        <translation>保存驿站信息(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="125"/>
        <source>Only the station admin may rename the station: sign in as the admin (Ctrl+L locks the screen so that someone else can sign in).</source>
        <translation>只有驿站管理员可以修改驿站名称：请以管理员身份登录（Ctrl+L 锁屏后可换人登录）。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="142"/>
        <source>Saved. New cards and reports show “%1”.</source>
        <translation>已保存。新制作的会员证和报表将显示“%1”。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="151"/>
        <source>Services are never deleted: retire one to take it off the counter; past visits keep it.</source>
        <translation>服务项目不会删除：停用后不再显示在前台，历史记录保持不变。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="166"/>
        <source>&amp;Add…</source>
        <translation>新增(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="167"/>
        <source>Re&amp;name…</source>
        <translation>改名(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="169"/>
        <source>Re&amp;tire</source>
        <translation>停用(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="171"/>
        <source>Rest&amp;ore</source>
        <translation>恢复(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="186"/>
        <source>Add service</source>
        <translation>新增服务项目</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="194"/>
        <source>Rename service</source>
        <translation>服务项目改名</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="203"/>
        <source>Retire service</source>
        <translation>停用服务项目</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="204"/>
        <source>Take “%1” off the counter? Past visits keep it.</source>
        <translation>停用“%1”吗？历史记录保持不变。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="247"/>
        <source>Summer cooling (送清凉)</source>
        <translation>送清凉</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="248"/>
        <source>Winter warmth (送温暖)</source>
        <translation>送温暖</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="248"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="260"/>
        <source>One handout per person</source>
        <translation>每人限领一次</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="263"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="264"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="266"/>
        <source>Starts</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="267"/>
        <source>Ends</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="270"/>
        <source>Add &amp;campaign</source>
        <translation>添加活动(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="280"/>
        <source>once per person</source>
        <translation>每人一次</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="280"/>
        <source>repeatable</source>
        <translation>可重复领取</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/settings.py" line="310"/>
        <source>&amp;Apply language</source>
        <translation>应用语言(&amp;A)</translation>
    </message>
</context>
<context>
    <name>SignUpDialog</name>
    <message>
        <location filename="../../station_app/ui/dialogs/sign_up.py" line="243"/>
        <source>Sign up a member</source>
        <translation>会员入会登记</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/sign_up.py" line="257"/>
        <source>&amp;Serve this member</source>
        <translation>为该会员服务(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/sign_up.py" line="262"/>
        <source>Re&amp;join</source>
        <translation>重新入会(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/sign_up.py" line="275"/>
        <source>Sign &amp;up</source>
        <translation>入会(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/sign_up.py" line="288"/>
        <source>%1 (%2) withdrew from the union. They can rejoin under the same member number and card: no new sign-up is needed.</source>
        <translation>%1（%2）已退会，可沿用原会员号和会员证重新入会，无需重新登记。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/sign_up.py" line="291"/>
        <source>%1 (%2) withdrew from the union at station %3. Signing up here makes them a member of this station with a new number and card.</source>
        <translation>%1（%2）已在驿站 %3 退会。在本站登记入会后，将成为本站会员，使用新的会员号和会员证。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/sign_up.py" line="294"/>
        <source>Already a member: %1 (%2). No new sign-up is needed.</source>
        <translation>已是会员：%1（%2），无需重复入会。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/sign_up.py" line="366"/>
        <source>%1 is now member %2.</source>
        <translation>%1 已入会，会员号 %2。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/sign_up.py" line="370"/>
        <source>Print the membership card now?</source>
        <translation>现在打印会员证吗？</translation>
    </message>
</context>
<context>
    <name>SignUpForm</name>
    <message>
        <location filename="../../station_app/ui/dialogs/sign_up.py" line="85"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/sign_up.py" line="86"/>
        <source>&amp;ID number</source>
        <translation>身份证号(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/sign_up.py" line="87"/>
        <source>18 digits; the last may be X</source>
        <translation>18位，最后一位可以是X</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/sign_up.py" line="92"/>
        <source>&amp;Mobile</source>
        <translation>手机号(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/sign_up.py" line="97"/>
        <source>Worker type</source>
        <translation>职业类别</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/sign_up.py" line="100"/>
        <source>&amp;Worker type</source>
        <translation>职业类别(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/sign_up.py" line="103"/>
        <source>Platform / employer</source>
        <translation>平台/单位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/sign_up.py" line="106"/>
        <source>&amp;Platform / employer</source>
        <translation>平台/单位(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/sign_up.py" line="143"/>
        <source>The card font has no “%1”: the printed card will show a box there (the ledger keeps the name as typed).</source>
        <translation>会员证字体中没有“%1”：打印的会员证上这里会显示为方框（台账中仍按输入保存姓名）。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/sign_up.py" line="156"/>
        <source>%1 of 18 characters</source>
        <translation>已输入 %1/18 位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/sign_up.py" line="166"/>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/sign_up.py" line="166"/>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/sign_up.py" line="168"/>
        <source>Born %1 · %2 · check digit correct</source>
        <translation>出生 %1 · %2 · 校验位正确</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/sign_up.py" line="67"/>
        <source>This mobile number is already on file for %1: check it was typed right.</source>
        <translation>此手机号已登记在 %1 名下：请核对是否输错。</translation>
    </message>
</context>
<context>
    <name>TodayLedger</name>
    <message>
        <location filename="../../station_app/ui/counter_today.py" line="98"/>
        <location filename="../../station_app/ui/counter_today.py" line="121"/>
        <source>Today&apos;s ledger</source>
        <translation>今日台账</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter_today.py" line="114"/>
        <source>Void… (Del)</source>
        <translation>作废…（Del）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter_today.py" line="116"/>
        <source>Correct… (Ctrl+E)</source>
        <translation>更正…（Ctrl+E）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/counter_today.py" line="142"/>
        <source>%n entries today</source>
        <translation>
            <numerusform>今日共 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter_today.py" line="171"/>
        <source>Select an entry in today&apos;s ledger first (F8).</source>
        <translation>请先在今日台账中选中一条记录（F8）。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter_today.py" line="175"/>
        <source>That entry is already void.</source>
        <translation>该记录已作废。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter_today.py" line="187"/>
        <source>Void entry</source>
        <translation>作废记录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter_today.py" line="188"/>
        <source>The entry stays in the ledger, struck through. Why is it void?</source>
        <translation>记录仍保留在台账中并以删除线显示。作废原因是什么？</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter_today.py" line="198"/>
        <source>Entry voided; it stays visible, struck through.</source>
        <translation>记录已作废，仍以删除线显示。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter_today.py" line="210"/>
        <source>This kind of entry cannot be corrected here; void it and record it again.</source>
        <translation>此类记录不能在这里更正，请作废后重新登记。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter_today.py" line="218"/>
        <source>Entry corrected; the original stays in the history.</source>
        <translation>记录已更正，原记录保留在台账中。</translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="129"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="129"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="129"/>
        <source>Who</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="129"/>
        <source>Worker type</source>
        <translation>职业类别</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="130"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="130"/>
        <source>By</source>
        <translation>经办</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="130"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="160"/>
        <location filename="../../station_app/ui/models/today.py" line="232"/>
        <source>Voided: %1</source>
        <translation>已作废：%1</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="165"/>
        <location filename="../../station_app/ui/models/today.py" line="234"/>
        <source>Corrected: %1</source>
        <translation>已更正：%1</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="166"/>
        <source>Entry %1</source>
        <translation>记录 %1</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="175"/>
        <source>voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="197"/>
        <source>Visit</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="197"/>
        <source>Relief</source>
        <translation>慰问</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="198"/>
        <source>Programme</source>
        <translation>帮扶项目</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="198"/>
        <source>Sign-up</source>
        <translation>入会</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="199"/>
        <source>Transfer in</source>
        <translation>会籍转入</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="199"/>
        <source>Transfer out</source>
        <translation>会籍转出</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="200"/>
        <source>Withdrawal</source>
        <translation>退会</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="201"/>
        <source>Rejoin</source>
        <translation>重新入会</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="202"/>
        <source>Profile edit</source>
        <translation>修改资料</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="203"/>
        <source>Real-name verification</source>
        <translation>实名认证</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="217"/>
        <source>Walk-in</source>
        <translation>散客</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="257"/>
        <source>(again: %1)</source>
        <translation>（补发：%1）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="271"/>
        <source>verified</source>
        <translation>已实名认证</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="272"/>
        <source>verification removed</source>
        <translation>取消实名认证</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="277"/>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="277"/>
        <source>mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="278"/>
        <source>worker type</source>
        <translation>职业类别</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/models/today.py" line="278"/>
        <source>employer</source>
        <translation>平台/单位</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../station_app/ui/dialogs/transfer.py" line="32"/>
        <source>Membership transfer</source>
        <translation>会籍转接</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/transfer.py" line="41"/>
        <source>Find the member at the counter first.</source>
        <translation>请先在前台找到该会员。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/transfer.py" line="42"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/transfer.py" line="45"/>
        <source>Union the member moves to</source>
        <translation>会员转入的工会</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/transfer.py" line="46"/>
        <source>&amp;Moves to union</source>
        <translation>转入工会(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/transfer.py" line="49"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/transfer.py" line="50"/>
        <source>Rea&amp;son</source>
        <translation>原因(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/transfer.py" line="68"/>
        <source>Transf&amp;er in</source>
        <translation>会籍转入(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/transfer.py" line="52"/>
        <source>Transfer &amp;out</source>
        <translation>会籍转出(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/transfer.py" line="61"/>
        <source>Union the member comes from</source>
        <translation>会员原所在工会</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/transfer.py" line="62"/>
        <source>&amp;Comes from union</source>
        <translation>转出工会(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/transfer.py" line="75"/>
        <source>&amp;Record transfer</source>
        <translation>登记转接(&amp;R)</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <location filename="../../station_app/ui/dialogs/walk_in.py" line="36"/>
        <source>Walk-in visit</source>
        <translation>散客服务</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/walk_in.py" line="45"/>
        <source>Services: %1</source>
        <translation>服务项目：%1</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/walk_in.py" line="50"/>
        <source>Who is it? Press the number of the worker type.</source>
        <translation>是哪类劳动者？请按职业类别对应的数字键。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/walk_in.py" line="66"/>
        <source>&amp;Foreign driver (document and nationality)</source>
        <translation>境外司机（证件与国籍）(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/walk_in.py" line="83"/>
        <source>&amp;Document</source>
        <translation>证件类型(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/walk_in.py" line="84"/>
        <source>&amp;Nationality</source>
        <translation>国籍(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/walk_in.py" line="93"/>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/walk_in.py" line="129"/>
        <source>Choose the worker type.</source>
        <translation>请选择职业类别。</translation>
    </message>
</context>
</TS>
