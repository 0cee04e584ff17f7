<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttendantDialog</name>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="94"/>
        <source>New attendant</source>
        <translation>新建操作员账户</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="102"/>
        <source>Attendant</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="103"/>
        <source>Supervisor</source>
        <translation>上级工会（督导）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="104"/>
        <source>Station admin</source>
        <translation>驿站管理员</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="108"/>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="109"/>
        <source>&amp;Display name</source>
        <translation>显示名(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="110"/>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="111"/>
        <source>&amp;PIN or password</source>
        <translation>PIN 或密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="112"/>
        <source>PIN &amp;again</source>
        <translation>再输一次(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="126"/>
        <source>The two PINs do not match.</source>
        <translation>两次输入的 PIN 不一致。</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="46"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="46"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="46"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="46"/>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="47"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="47"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="51"/>
        <source>sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="51"/>
        <source>screen lock</source>
        <translation>锁屏</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="52"/>
        <source>ID number shown</source>
        <translation>查看完整身份证号</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="52"/>
        <source>export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="53"/>
        <source>bundle export</source>
        <translation>导出同步包</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="53"/>
        <source>import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="54"/>
        <source>backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="54"/>
        <source>restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="55"/>
        <source>setting changed</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="55"/>
        <source>account</source>
        <translation>账户管理</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="56"/>
        <source>anonymisation</source>
        <translation>匿名化</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="56"/>
        <location filename="../../station_app/ui/audit_view.py" line="78"/>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="57"/>
        <source>return bundle</source>
        <translation>回传包</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="57"/>
        <source>station enrolled</source>
        <translation>登记驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="58"/>
        <source>station enrolled from its bundle</source>
        <translation>按数据包登记驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="59"/>
        <source>supervisor trusted</source>
        <translation>信任上级</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="60"/>
        <source>station key revoked</source>
        <translation>吊销驿站密钥</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="61"/>
        <source>station forked</source>
        <translation>驿站分叉</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="61"/>
        <source>fork resolved</source>
        <translation>解除分叉</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="77"/>
        <source>done</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="77"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="78"/>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="79"/>
        <source>not permitted</source>
        <translation>无权限</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="80"/>
        <source>skipped (not for this ledger)</source>
        <translation>跳过（不是给本台账的）</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="174"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="177"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="184"/>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="187"/>
        <source>&amp;Who:</source>
        <translation>操作人(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="192"/>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="197"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="202"/>
        <source>Only the station admin and supervisors can see the audit log.</source>
        <translation>只有驿站管理员和上级工会可以查看审计日志。</translation>
    </message>
</context>
<context>
    <name>ChangePinDialog</name>
    <message>
        <location filename="../../station_app/ui/security_pin.py" line="43"/>
        <location filename="../../station_app/ui/security_pin.py" line="102"/>
        <source>Change my PIN</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_pin.py" line="45"/>
        <source>Account: %1 (%2)</source>
        <translation>账户：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_pin.py" line="51"/>
        <source>A PIN needs at least 4 digits; a password at least 6 characters. Wrong current PINs count like failed sign-ins and lock the account for a while.</source>
        <translation>PIN 至少 4 位数字，密码至少 6 个字符。当前密码输错与登录失败一样计次，多次输错会暂时锁定账户。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_pin.py" line="59"/>
        <source>&amp;Current PIN</source>
        <translation>当前密码/PIN(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_pin.py" line="60"/>
        <source>&amp;New PIN</source>
        <translation>新密码/PIN(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_pin.py" line="61"/>
        <source>New PIN &amp;again</source>
        <translation>再输一次新密码(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_pin.py" line="64"/>
        <source>Change PIN</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_pin.py" line="67"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_pin.py" line="75"/>
        <source>The two new PINs do not match.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_pin.py" line="105"/>
        <source>Nobody is signed in, so there is no PIN to change.</source>
        <translation>当前没有登录的操作员，无法修改密码。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_pin.py" line="112"/>
        <source>Your PIN was changed. Sign in with the new PIN from now on.</source>
        <translation>密码已修改，今后请用新密码登录。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_pin.py" line="123"/>
        <source>Change my &amp;PIN…</source>
        <translation>修改我的密码(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="49"/>
        <source>Protect the backup</source>
        <translation>保护备份</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="52"/>
        <source>The backup holds the ledger&apos;s keys. Give a passphrase to encrypt them; without it the full ID numbers can be read by anyone who has the stick. Write the passphrase down and keep it apart from the stick: without it this backup cannot be restored.</source>
        <translation>备份中包含台账密钥。请设置备份密码对密钥加密；否则拿到U盘的人都能读出完整身份证号。请把密码抄下来，与U盘分开保管：没有密码，这份备份无法恢复。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="60"/>
        <source>&amp;Passphrase</source>
        <translation>备份密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="61"/>
        <source>&amp;Again</source>
        <translation>再输一次(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="75"/>
        <source>The two passphrases do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="78"/>
        <source>Use at least 8 characters.</source>
        <translation>密码至少8个字符。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="83"/>
        <source>Write the backup with unencrypted keys?</source>
        <translation>确定写入不加密密钥的备份吗？</translation>
    </message>
</context>
<context>
    <name>SecurityPage</name>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="184"/>
        <source>Security &amp;&amp; backups</source>
        <translation>安全与备份</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="187"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="194"/>
        <source>Back up &amp;now</source>
        <translation>立即备份(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="197"/>
        <source>Back up to a &amp;USB stick…</source>
        <translation>备份到U盘(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="215"/>
        <source>Attendants</source>
        <translation>操作员账户</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="222"/>
        <source>&amp;Add…</source>
        <translation>新建(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="223"/>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="224"/>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="225"/>
        <source>Un&amp;lock</source>
        <translation>解除锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="226"/>
        <source>Set &amp;PIN…</source>
        <translation>重设密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="235"/>
        <source>Show a full ID number</source>
        <translation>查看完整身份证号</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="243"/>
        <source>Reason (required, logged)</source>
        <translation>原因（必填，将记入审计日志）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="244"/>
        <source>S&amp;how</source>
        <translation>查看(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="250"/>
        <source>Member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="251"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="259"/>
        <source>Privacy and locking</source>
        <translation>隐私与锁屏</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="264"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="265"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="269"/>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="270"/>
        <source>keep</source>
        <translation>永久保留</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="271"/>
        <source>Lock the screen after idle</source>
        <translation>无操作自动锁屏</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="272"/>
        <source>Anonymise members who left after</source>
        <translation>退会/转出会员匿名化期限</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="273"/>
        <source>&amp;Save settings</source>
        <translation>保存设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="293"/>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="293"/>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="294"/>
        <source>before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="295"/>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="296"/>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="299"/>
        <source>attendant</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="299"/>
        <source>supervisor</source>
        <translation>上级工会</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="300"/>
        <source>admin</source>
        <translation>驿站管理员</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="306"/>
        <source>No backup yet.</source>
        <translation>还没有备份。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="308"/>
        <source>Last backup: %1 (%2) — %3</source>
        <translation>上次备份：%1（%2）— %3</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="326"/>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="327"/>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="353"/>
        <source>Backup written to %1</source>
        <translation>备份已写入 %1</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="357"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="363"/>
        <source>Choose the USB stick</source>
        <translation>选择U盘</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="380"/>
        <source>Not allowed</source>
        <translation>无权操作</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="399"/>
        <location filename="../../station_app/ui/security_page.py" line="450"/>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>SetPinDialog</name>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="147"/>
        <source>New PIN for %1</source>
        <translation>为 %1 设置新密码</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="152"/>
        <source>&amp;New PIN or password</source>
        <translation>新 PIN 或密码(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="153"/>
        <source>PIN &amp;again</source>
        <translation>再输一次(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="168"/>
        <source>The two PINs do not match.</source>
        <translation>两次输入的 PIN 不一致。</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="84"/>
        <source>First start: create the admin account</source>
        <translation>首次使用：创建管理员账户</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="87"/>
        <source>Welcome. This station&apos;s ledger has no accounts yet. Create the station admin account now: the admin adds the attendants, can show full ID numbers (with a reason, logged) and restores backups.
A PIN needs at least 4 digits; a password at least 6 characters.</source>
        <translation>欢迎使用。本驿站台账还没有任何账户，请先创建驿站管理员账户：管理员负责添加操作员，可查看完整身份证号（须填写原因并记入审计日志），并可恢复备份。
PIN 至少4位数字；密码至少6个字符。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="97"/>
        <source>letters, digits, . _ -</source>
        <translation>字母、数字、. _ -</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="103"/>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="104"/>
        <source>&amp;Display name</source>
        <translation>显示名(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="105"/>
        <source>&amp;PIN or password</source>
        <translation>PIN 或密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="106"/>
        <source>PIN &amp;again</source>
        <translation>再输一次(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="108"/>
        <source>Create admin</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="114"/>
        <source>The two PINs do not match.</source>
        <translation>两次输入的 PIN 不一致。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="135"/>
        <source>Screen locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="135"/>
        <location filename="../../station_app/ui/sign_in.py" line="167"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="137"/>
        <source>The screen was locked. Sign in to continue.</source>
        <translation>屏幕已锁定，请登录后继续。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="138"/>
        <source>Station %1 — sign in to the counter.</source>
        <translation>%1 — 请登录前台。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="156"/>
        <source>&amp;Attendant</source>
        <translation>操作员(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="157"/>
        <source>&amp;PIN</source>
        <translation>PIN(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="170"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="170"/>
        <source>Quit the app</source>
        <translation>退出程序</translation>
    </message>
</context>
<context>
    <name>StartupCheck</name>
    <message>
        <location filename="../../station_app/ui/security_startup.py" line="98"/>
        <source>Checking the ledger file (%1 MB) before opening it…</source>
        <translation>正在检查台账文件（%1 MB），检查无误后打开……</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_startup.py" line="73"/>
        <source>Station Ledger</source>
        <translation>驿站台账</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_startup.py" line="120"/>
        <source>Upgrading the ledger for this version of the program (a backup is taken first; this happens once and can take a minute on a large ledger)…</source>
        <translation>正在为新版本程序升级台账（先自动备份；只需一次，大台账可能需要一分钟左右）……</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_startup.py" line="137"/>
        <source>The ledger is damaged</source>
        <translation>台账已损坏</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_startup.py" line="139"/>
        <source>The ledger file %1 is damaged and will not be opened, so that nothing more is written to it.

What SQLite found: %2</source>
        <translation>台账文件 %1 已损坏，为防止继续写入，程序不会打开它。

SQLite 检查结果：%2</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_startup.py" line="146"/>
        <source>The latest good backup is from %1 (%2). Entries made after it must be entered again or come back from the supervisor&apos;s bundles.</source>
        <translation>最近一份完好的备份是 %1（%2）。此后的记录需要重新录入，或从上级工会的同步包中找回。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_startup.py" line="151"/>
        <source>Restore this backup</source>
        <translation>恢复这份备份</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_startup.py" line="155"/>
        <source>No good backup was found. Copy the ledger folder for your support contact before anything else.</source>
        <translation>没有找到完好的备份。请先复制整个台账文件夹，交给技术支持人员。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_startup.py" line="159"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_startup.py" line="171"/>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_startup.py" line="190"/>
        <source>The backup was not restored: checked again just now, the ledger file could be read, and a readable ledger may only be replaced by the station admin after signing in.

Start Station Ledger again. If the ledger opens, check the latest entries; the admin can restore the backup on the Security &amp; backups page. If it is reported damaged again, restore the backup from that message.</source>
        <translation>未恢复备份：刚才再次检查时，台账文件可以正常读取；可读的台账只能由驿站管理员登录后替换。

请重新启动驿站台账。如果台账能打开，请核对最近的记录；管理员可在“安全与备份”页面恢复这份备份。如果再次提示台账已损坏，请在那条提示中恢复备份。</translation>
    </message>
</context>
</TS>
