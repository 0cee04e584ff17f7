<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttendantDialog</name>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="98"/>
        <source>New attendant</source>
        <translation>新建操作员账户</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="106"/>
        <source>Attendant</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="107"/>
        <source>Supervisor</source>
        <translation>上级工会（督导）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="108"/>
        <source>Station admin</source>
        <translation>驿站管理员</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="112"/>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="113"/>
        <source>&amp;Display name</source>
        <translation>显示名(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="114"/>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="115"/>
        <source>&amp;PIN or password</source>
        <translation>PIN 或密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="116"/>
        <source>PIN &amp;again</source>
        <translation>再输一次(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="130"/>
        <source>The two PINs do not match.</source>
        <translation>两次输入的 PIN 不一致。</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="48"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="48"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="48"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="48"/>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="49"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="49"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="53"/>
        <source>sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="53"/>
        <source>sign-out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="54"/>
        <source>screen lock</source>
        <translation>锁屏</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="55"/>
        <source>self-service mode</source>
        <translation>自助模式</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="56"/>
        <source>ID number shown</source>
        <translation>查看完整身份证号</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="56"/>
        <source>export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="57"/>
        <source>bundle export</source>
        <translation>导出同步包</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="57"/>
        <source>import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="58"/>
        <source>backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="58"/>
        <source>restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="59"/>
        <source>setting changed</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="59"/>
        <source>account</source>
        <translation>账户管理</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="60"/>
        <source>anonymisation</source>
        <translation>匿名化</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="60"/>
        <location filename="../../station_app/ui/audit_view.py" line="132"/>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="61"/>
        <source>return bundle</source>
        <translation>回传包</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="61"/>
        <source>station enrolled</source>
        <translation>登记驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="62"/>
        <source>station enrolled from its bundle</source>
        <translation>按数据包登记驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="63"/>
        <source>supervisor trusted</source>
        <translation>信任上级</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="64"/>
        <source>station key revoked</source>
        <translation>吊销驿站密钥</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="65"/>
        <source>station forked</source>
        <translation>驿站分叉</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="65"/>
        <source>fork resolved</source>
        <translation>解除分叉</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="103"/>
        <source>why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="103"/>
        <source>reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="103"/>
        <source>member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="104"/>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="104"/>
        <source>on</source>
        <translation>开启</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="104"/>
        <source>failures</source>
        <translation>失败次数</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="105"/>
        <source>locked for (s)</source>
        <translation>锁定秒数</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="105"/>
        <source>cards</source>
        <translation>张数</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="106"/>
        <source>members</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="106"/>
        <source>printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="107"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="107"/>
        <source>before</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="107"/>
        <source>after</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="108"/>
        <source>refusal</source>
        <translation>拒绝原因</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="108"/>
        <source>epoch</source>
        <translation>期次</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="108"/>
        <source>keys</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="109"/>
        <source>idle minutes</source>
        <translation>空闲分钟</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="109"/>
        <source>result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="110"/>
        <source>card serial</source>
        <translation>会员证序号</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="110"/>
        <source>where</source>
        <translation>途径</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="111"/>
        <source>years</source>
        <translation>年数</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="111"/>
        <source>count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="111"/>
        <source>operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="112"/>
        <source>new epoch</source>
        <translation>新期次</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="112"/>
        <source>backup made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="113"/>
        <source>backup&apos;s epoch</source>
        <translation>备份的期次</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="114"/>
        <source>backup&apos;s station</source>
        <translation>备份的驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="115"/>
        <source>audit rows carried over</source>
        <translation>转入的审计记录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="118"/>
        <source>wrong PIN</source>
        <translation>PIN 错误</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="118"/>
        <source>not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="119"/>
        <source>not encrypted</source>
        <translation>未加密</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="119"/>
        <source>encrypted</source>
        <translation>已加密</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="120"/>
        <source>window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="120"/>
        <source>command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="121"/>
        <source>self-service</source>
        <translation>自助</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="122"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="122"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="131"/>
        <source>done</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="131"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="132"/>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="133"/>
        <source>not permitted</source>
        <translation>无权限</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="134"/>
        <source>skipped (not for this ledger)</source>
        <translation>跳过（不是给本台账的）</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="227"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="230"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="237"/>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="240"/>
        <source>&amp;Who:</source>
        <translation>操作人(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="245"/>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="250"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/audit_view.py" line="255"/>
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
    <name>ChooseBackupDialog</name>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="114"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="117"/>
        <source>Choose the backup to restore. These are the backups kept beside the ledger, newest first; for a backup on a USB stick choose Other file….</source>
        <translation>请选择要恢复的备份。下面是保存在台账旁边的备份，最新的在前；U盘上的备份请点“其他文件…”。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="122"/>
        <source>(passphrase)</source>
        <translation>（有密码）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="131"/>
        <source>&amp;Check this backup…</source>
        <translation>检查此备份(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="135"/>
        <source>&amp;Other file…</source>
        <translation>其他文件(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="155"/>
        <source>Choose the backup file</source>
        <translation>选择备份文件</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="156"/>
        <source>Ledger backups (*.zip);;All files (*)</source>
        <translation>台账备份 (*.zip);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ConfirmRestoreDialog</name>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="171"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="174"/>
        <source>Replace this ledger with the backup of %1?</source>
        <translation>用 %1 的备份替换当前台账吗？</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="183"/>
        <source>To confirm, type the station code %1:</source>
        <translation>确认请输入驿站代码 %1：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="191"/>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="200"/>
        <source>%1 (%2), made by %3</source>
        <translation>%1（%2），制作人 %3</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="206"/>
        <source>Backup file</source>
        <translation>备份文件</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="207"/>
        <source>Made</source>
        <translation>制作时间</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="208"/>
        <source>Station</source>
        <translation>驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="214"/>
        <source>In the backup</source>
        <translation>备份中</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="214"/>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="219"/>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="220"/>
        <source>Visits</source>
        <translation>到访</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="221"/>
        <source>Entries</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="234"/>
        <source>First the current ledger is saved as a backup (pre-restore-….zip) in %1. It is not deleted, never rotated away, and can be restored the same way.</source>
        <translation>先把当前台账另存为一份备份（pre-restore-….zip），放在 %1。它不会被删除，也不会被自动轮换清理，需要时可用同样的方法恢复。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="239"/>
        <source>No entries were made at this station after the backup.</source>
        <translation>本站在备份之后没有录入记录。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/security_restore.py" line="241"/>
        <source>%n entries were made at this station after the backup.</source>
        <translation>
            <numerusform>本站在备份之后录入了 %n 条记录。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/security_restore.py" line="245"/>
        <source>%n of them went out in a sync bundle: the supervisor keeps those it imports (in its ledger and reports), but they do not come back into this ledger.</source>
        <translation>
            <numerusform>其中 %n 条已导出到同步数据包：上级导入后会保留（在上级台账和报表中），但不会回到本台账。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/security_restore.py" line="250"/>
        <source>%n were never exported and are lost unless entered again.</source>
        <translation>
            <numerusform>%n 条从未导出，除非重新录入，否则将丢失。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="254"/>
        <source>Members who joined here after the backup: %1. This station will not know their member numbers or cards any more; to serve them as members, sign them up again (they get a new number).</source>
        <translation>备份之后在本站入会的会员：%1 人。恢复后本站不再认识他们的会员号和会员证；要按会员为他们服务，请重新为他们办理入会（会得到新的会员号）。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="259"/>
        <source>Bundles imported from stations after the backup are not in it: after your next return bundle to a station, the station sends again what is missing.</source>
        <translation>备份之后从各驿站导入的数据包不在备份中：给某驿站发出下一个回执包后，该驿站会重新发送缺少的数据。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="263"/>
        <source>Members of other stations received after the backup come back with the supervisor&apos;s next return bundle.</source>
        <translation>备份之后收到的其他驿站会员，会随上级的下一个回执包回来。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="266"/>
        <source>A new epoch (%1) starts: entries made from now on are numbered apart from everything this station numbered before, so sync stays consistent.</source>
        <translation>开始新的一期（第 %1 期）：此后的记录与本站以前的所有记录分开编号，同步数据保持一致。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="270"/>
        <source>Accounts and PINs become those in the backup. The audit log keeps everything recorded since the backup, and the restore is recorded in it.</source>
        <translation>操作员账号和PIN码恢复为备份中的样子。审计日志保留备份之后记录的一切，本次恢复也会记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="273"/>
        <source>Close any other Station Ledger window on this PC first. When the restore is done this window opens the restored ledger.</source>
        <translation>请先关闭本机上其他的驿站台账窗口。恢复完成后，本窗口会打开恢复后的台账。</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="278"/>
        <source>Locked: sign in to go on.</source>
        <translation>已锁定：请登录后继续。</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="54"/>
        <source>Protect the backup</source>
        <translation>保护备份</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="57"/>
        <source>The backup holds the ledger&apos;s keys. Give a passphrase to encrypt them; without it the full ID numbers can be read by anyone who has the stick. Write the passphrase down and keep it apart from the stick: without it this backup cannot be restored.</source>
        <translation>备份中包含台账密钥。请设置备份密码对密钥加密；否则拿到U盘的人都能读出完整身份证号。请把密码抄下来，与U盘分开保管：没有密码，这份备份无法恢复。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="65"/>
        <source>&amp;Passphrase</source>
        <translation>备份密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="66"/>
        <source>&amp;Again</source>
        <translation>再输一次(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="79"/>
        <source>The two passphrases do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="82"/>
        <source>Use at least 8 characters.</source>
        <translation>密码至少8个字符。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="87"/>
        <source>Write the backup with unencrypted keys?</source>
        <translation>确定写入不加密密钥的备份吗？</translation>
    </message>
</context>
<context>
    <name>RestoreFlow</name>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="68"/>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="69"/>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="70"/>
        <source>before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="71"/>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="72"/>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="80"/>
        <source>Backup passphrase</source>
        <translation>备份密码</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="82"/>
        <source>That passphrase is not right. Try again:</source>
        <translation>密码不正确，请重新输入：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="83"/>
        <source>The keys in this backup are protected by a passphrase. Enter it:</source>
        <translation>此备份中的密钥受密码保护，请输入备份密码：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="340"/>
        <source>Waiting for other work to finish (a report, a backup, an import or an export); the restore goes on by itself then…</source>
        <translation>正在等待其他工作完成（报表、备份、导入或导出），完成后将自动继续恢复……</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="341"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="343"/>
        <location filename="../../station_app/ui/security_restore.py" line="486"/>
        <location filename="../../station_app/ui/security_restore.py" line="529"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="410"/>
        <source>Checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="420"/>
        <source>This backup cannot be restored: %1

Nothing was changed.</source>
        <translation>此备份不能恢复：%1

台账未作任何改变。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="422"/>
        <location filename="../../station_app/ui/security_restore.py" line="456"/>
        <source>Not restored</source>
        <translation>未恢复</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="457"/>
        <source>The backup was not restored: %1</source>
        <translation>备份未恢复：%1</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="462"/>
        <source>Restoring the backup (the current ledger is saved first)…</source>
        <translation>正在恢复备份（先保存当前台账）…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="487"/>
        <source>The ledger could not be opened again: %1

Station Ledger closes now; start it again.</source>
        <translation>无法重新打开台账：%1

驿站台账现在关闭，请重新启动。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="525"/>
        <source>The restored ledger has its own accounts and %1 is not among them (or is disabled): sign in with an account of the restored ledger.</source>
        <translation>恢复后的台账有自己的操作员账号，其中没有 %1（或已停用）：请用恢复后台账中的账号登录。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="528"/>
        <source>The restored ledger has its own accounts: sign in with one of them.</source>
        <translation>恢复后的台账有自己的账户：请用其中一个账户登录。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="546"/>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_restore.py" line="547"/>
        <source>The ledger was restored from %1 and holds what it held on %2. Epoch %3 has started.

The ledger as it was before is kept in %4.</source>
        <translation>台账已从 %1 恢复，内容回到 %2 时的样子。已开始第 %3 期。

恢复前的台账保存在 %4。</translation>
    </message>
</context>
<context>
    <name>SecurityPage</name>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="197"/>
        <source>Security &amp;&amp; backups</source>
        <translation>安全与备份</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="200"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="207"/>
        <source>Back up &amp;now</source>
        <translation>立即备份(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="210"/>
        <source>Back up to a &amp;USB stick…</source>
        <translation>备份到U盘(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="214"/>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="233"/>
        <source>Attendants</source>
        <translation>操作员账户</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="240"/>
        <source>&amp;Add…</source>
        <translation>新建(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="241"/>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="242"/>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="243"/>
        <source>Un&amp;lock</source>
        <translation>解除锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="244"/>
        <source>Set &amp;PIN…</source>
        <translation>重设密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="260"/>
        <source>Show a full ID number</source>
        <translation>查看完整身份证号</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="268"/>
        <source>Reason (required, logged)</source>
        <translation>原因（必填，将记入审计日志）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="269"/>
        <source>S&amp;how</source>
        <translation>查看(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="275"/>
        <source>Member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="276"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="285"/>
        <source>Privacy and locking</source>
        <translation>隐私与锁屏</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="290"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="291"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="295"/>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="296"/>
        <source>keep</source>
        <translation>永久保留</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="297"/>
        <source>Lock the screen after idle</source>
        <translation>无操作自动锁屏</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="298"/>
        <source>Anonymise members who left after</source>
        <translation>退会/转出会员匿名化期限</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="299"/>
        <source>&amp;Save settings</source>
        <translation>保存设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="330"/>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="330"/>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="331"/>
        <source>before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="332"/>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="333"/>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="336"/>
        <source>attendant</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="336"/>
        <source>supervisor</source>
        <translation>上级工会</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="337"/>
        <source>admin</source>
        <translation>驿站管理员</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="343"/>
        <source>No backup yet.</source>
        <translation>还没有备份。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="345"/>
        <source>Last backup: %1 (%2) — %3</source>
        <translation>上次备份：%1（%2）— %3</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="359"/>
        <source>Only the station admin may restore a backup: sign in as the admin (Ctrl+L locks the screen so that someone else can sign in).</source>
        <translation>只有驿站管理员可以恢复备份：请以管理员身份登录（按 Ctrl+L 锁屏即可换人登录）。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="368"/>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="369"/>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="395"/>
        <source>Backup written to %1</source>
        <translation>备份已写入 %1</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="399"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="405"/>
        <source>Choose the USB stick</source>
        <translation>选择U盘</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="429"/>
        <source>Not allowed</source>
        <translation>无权操作</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="443"/>
        <source>Choose an account in the list first.</source>
        <translation>请先在列表中选择一个账户。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="458"/>
        <location filename="../../station_app/ui/security_page.py" line="534"/>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="462"/>
        <source>%1 is unlocked and can sign in again.</source>
        <translation>%1 已解锁，可以重新登录。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="463"/>
        <source>%1 is disabled and cannot sign in.</source>
        <translation>%1 已停用，不能登录。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="464"/>
        <source>%1 is enabled again.</source>
        <translation>%1 已重新启用。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="480"/>
        <source>%1 has a new PIN (and is unlocked).</source>
        <translation>%1 已设置新 PIN（并已解锁）。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="524"/>
        <source>Retention period</source>
        <translation>保留期限</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/security_page.py" line="525"/>
        <source>With %1 years, %n members who left are anonymised within the hour: their name, phone and ID number are blanked for good. Save it?</source>
        <translation>
            <numerusform>保留期设为 %1 年后，一小时内将有 %n 名已离会会员被匿名化：其姓名、手机号和身份证号将被永久清除。确定保存吗？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="538"/>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
</context>
<context>
    <name>SetPinDialog</name>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="151"/>
        <source>New PIN for %1</source>
        <translation>为 %1 设置新密码</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="156"/>
        <source>&amp;New PIN or password</source>
        <translation>新 PIN 或密码(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="157"/>
        <source>PIN &amp;again</source>
        <translation>再输一次(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_page.py" line="172"/>
        <source>The two PINs do not match.</source>
        <translation>两次输入的 PIN 不一致。</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="87"/>
        <source>First start: create the admin account</source>
        <translation>首次使用：创建管理员账户</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="90"/>
        <source>Welcome. This station&apos;s ledger has no accounts yet. Create the station admin account now: the admin adds the attendants, can show full ID numbers (with a reason, logged) and restores backups.
A PIN needs at least 4 digits; a password at least 6 characters.</source>
        <translation>欢迎使用。本驿站台账还没有任何账户，请先创建驿站管理员账户：管理员负责添加操作员，可查看完整身份证号（须填写原因并记入审计日志），并可恢复备份。
PIN 至少4位数字；密码至少6个字符。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="100"/>
        <source>letters, digits, . _ -</source>
        <translation>字母、数字、. _ -</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="106"/>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="107"/>
        <source>&amp;Display name</source>
        <translation>显示名(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="108"/>
        <source>&amp;PIN or password</source>
        <translation>PIN 或密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="109"/>
        <source>PIN &amp;again</source>
        <translation>再输一次(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="111"/>
        <source>Create admin</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="117"/>
        <source>The two PINs do not match.</source>
        <translation>两次输入的 PIN 不一致。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="138"/>
        <source>Screen locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="138"/>
        <location filename="../../station_app/ui/sign_in.py" line="170"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="140"/>
        <source>The screen was locked. Sign in to continue.</source>
        <translation>屏幕已锁定，请登录后继续。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="141"/>
        <source>Station %1 — sign in to the counter.</source>
        <translation>%1 — 请登录前台。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="159"/>
        <source>&amp;Attendant</source>
        <translation>操作员(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="160"/>
        <source>&amp;PIN</source>
        <translation>PIN(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="173"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="173"/>
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
        <source>The ledger file %1 is damaged and will not be opened, so that nothing more is written to it.</source>
        <translation>台账文件 %1 已损坏，为免再写入内容，不会打开它。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_startup.py" line="143"/>
        <source>What SQLite found: %1</source>
        <translation>SQLite 发现的问题（供技术支持参考）：%1</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_startup.py" line="149"/>
        <source>The latest good backup is from %1 (%2). Entries made after it must be entered again (bundles already sent keep them at the supervisor, but they do not come back to the station).</source>
        <translation>最近的完好备份是 %1（%2）。此后的记录需要重新录入（已发出的数据包在上级处仍有保存，但不会传回驿站）。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_startup.py" line="155"/>
        <source>Restore this backup</source>
        <translation>恢复这份备份</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_startup.py" line="159"/>
        <source>No good backup was found. Copy the ledger folder for your support contact before anything else.</source>
        <translation>没有找到完好的备份。请先复制整个台账文件夹，交给技术支持人员。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_startup.py" line="163"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_startup.py" line="175"/>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/security_startup.py" line="194"/>
        <source>The backup was not restored: checked again just now, the ledger file could be read, and a readable ledger may only be replaced by the station admin after signing in.

Start Station Ledger again. If the ledger opens, check the latest entries; the admin can restore the backup on the Security &amp; backups page. If it is reported damaged again, restore the backup from that message.</source>
        <translation>未恢复备份：刚才再次检查时，台账文件可以正常读取；可读的台账只能由驿站管理员登录后替换。

请重新启动驿站台账。如果台账能打开，请核对最近的记录；管理员可在“安全与备份”页面恢复这份备份。如果再次提示台账已损坏，请在那条提示中恢复备份。</translation>
    </message>
</context>
</TS>
