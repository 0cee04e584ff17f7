<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SelfService</name>
    <message>
        <location filename="../../station_app/ui/self_service.py" line="505"/>
        <source>Self-ser&amp;vice mode…</source>
        <translation>自助模式(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/self_service.py" line="519"/>
        <location filename="../../station_app/ui/self_service.py" line="533"/>
        <source>Self-service mode</source>
        <translation>自助模式</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/self_service.py" line="520"/>
        <source>Switch this station to self-service mode?

Workers then record their own visits with their card or as walk-ins; nothing else can be reached. The mode stays on after a restart. Leaving it needs the station admin&apos;s sign-in.</source>
        <translation>把本驿站切换到自助模式？

劳动者将自己刷会员证或以“没有会员证”方式登记到访，其他功能都无法打开。重启后仍保持自助模式；退出自助模式需要驿站管理员登录。</translation>
    </message>
</context>
<context>
    <name>SelfServiceWindow</name>
    <message>
        <location filename="../../station_app/ui/self_service.py" line="285"/>
        <source>Self-service</source>
        <translation>自助服务</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/self_service.py" line="288"/>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/self_service.py" line="289"/>
        <source>Welcome to the station</source>
        <translation>欢迎来到驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/self_service.py" line="290"/>
        <source>Please scan the QR code on your membership card</source>
        <translation>请扫描会员证上的二维码</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/self_service.py" line="291"/>
        <source>No card</source>
        <translation>没有会员证</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/self_service.py" line="294"/>
        <source>Want to join the union (入会)? Sign-up needs your ID card and a staff member: please come when the station is attended.</source>
        <translation>想加入工会（入会）？入会需要本人身份证，并由工作人员办理实名登记：请在驿站有工作人员值班时前来办理。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/self_service.py" line="296"/>
        <source>What is your work?</source>
        <translation>您从事什么工作？</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/self_service.py" line="299"/>
        <source>Which services did you use? Tap all that apply.</source>
        <translation>您使用了哪些服务？可以多选。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/self_service.py" line="300"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/self_service.py" line="301"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/self_service.py" line="307"/>
        <source>Hello, %1!</source>
        <translation>您好，%1！</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/self_service.py" line="310"/>
        <source>Hello!</source>
        <translation>您好！</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/self_service.py" line="311"/>
        <source>Tap your work and the services, then tap “Done”.</source>
        <translation>请选择您的工作和使用的服务，然后点“完成”。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/self_service.py" line="313"/>
        <source>Tap the services you used, then tap “Done”.</source>
        <translation>请点选您使用的服务，然后点“完成”。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/self_service.py" line="414"/>
        <source>Thank you! Your visit is recorded. Take care on the road.</source>
        <translation>谢谢！已为您登记，路上注意安全。</translation>
    </message>
</context>
<context>
    <name>StaffSignInDialog</name>
    <message>
        <location filename="../../station_app/ui/self_service.py" line="100"/>
        <source>Leave self-service mode</source>
        <translation>退出自助模式</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/self_service.py" line="105"/>
        <source>Staff only: the station admin signs in to leave self-service mode.</source>
        <translation>仅限工作人员：驿站管理员登录后退出自助模式。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/self_service.py" line="109"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
</TS>
