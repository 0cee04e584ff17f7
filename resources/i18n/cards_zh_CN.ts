<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CardDialog</name>
    <message>
        <location filename="../../station_app/ui/cards_print.py" line="209"/>
        <source>Print on</source>
        <translation>打印到</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_print.py" line="211"/>
        <source>A card printer (one 85.6 × 54 mm card a page)</source>
        <translation>证卡打印机（每页一张 85.6 × 54 毫米卡片）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_print.py" line="213"/>
        <source>A4 paper (cut along the crop marks)</source>
        <translation>A4 纸（沿裁切线裁下）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_print.py" line="221"/>
        <source>Print the back too</source>
        <translation>同时打印背面</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_print.py" line="230"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_print.py" line="232"/>
        <source>Print pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_print.py" line="233"/>
        <source>Save as P&amp;NG…</source>
        <translation>另存为 PNG(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_print.py" line="234"/>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_print.py" line="235"/>
        <source>&amp;Reissue card…</source>
        <translation>补办会员证(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_print.py" line="259"/>
        <source>Membership card — %1</source>
        <translation>会员证 — %1</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_print.py" line="267"/>
        <source>printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_print.py" line="268"/>
        <source>not printed yet</source>
        <translation>尚未打印</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_print.py" line="269"/>
        <source>Member %1 · card no. %2 · %3</source>
        <translation>会员 %1 · 第 %2 张卡 · %3</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_print.py" line="275"/>
        <source>Older cards (no. %1) are replaced and no longer scan as valid.</source>
        <translation>旧卡（第 %1 张）已作废，扫码时不再有效。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_print.py" line="343"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_print.py" line="343"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_print.py" line="344"/>
        <source>Save card</source>
        <translation>保存会员证</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_print.py" line="364"/>
        <source>Reissue card</source>
        <translation>补办会员证</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_print.py" line="365"/>
        <source>A new card no. %1 will be issued for %2. The old card stops working at every station that has this ledger&apos;s data. Why is it reissued (lost, damaged …)?</source>
        <translation>将为 %2 补办第 %1 张会员证。旧卡在所有已同步本台账数据的驿站都将失效。补办原因（遗失、损坏……）？</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_print.py" line="390"/>
        <source>Membership card</source>
        <translation>会员证</translation>
    </message>
</context>
<context>
    <name>CardsPage</name>
    <message>
        <location filename="../../station_app/ui/cards_page.py" line="51"/>
        <source>Cards</source>
        <translation>会员证</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_page.py" line="60"/>
        <source>Member no.</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_page.py" line="60"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_page.py" line="61"/>
        <source>Card no.</source>
        <translation>卡序号</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_page.py" line="61"/>
        <source>Issued</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_page.py" line="70"/>
        <source>Print on:</source>
        <translation>打印到：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_page.py" line="73"/>
        <source>A4 paper, 10 cards a page with crop marks</source>
        <translation>A4 纸，每页 10 张，带裁切线</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_page.py" line="75"/>
        <source>Card printer, one card a page</source>
        <translation>证卡打印机，每页一张</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_page.py" line="81"/>
        <source>Backs too (duplex)</source>
        <translation>同时打印背面（双面）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_page.py" line="88"/>
        <source>&amp;Print all unprinted cards…</source>
        <translation>打印全部未打印的会员证(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_page.py" line="91"/>
        <source>&amp;Save all as A4 PDF…</source>
        <translation>全部保存为 A4 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_page.py" line="94"/>
        <source>&amp;Open card…</source>
        <translation>查看会员证(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_page.py" line="113"/>
        <source> (reissued)</source>
        <translation>（补办）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_page.py" line="121"/>
        <source>Every card has been printed.</source>
        <translation>所有会员证都已打印。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/cards_page.py" line="123"/>
        <source>%n cards are not printed yet (the first %1 are listed).</source>
        <translation>
            <numerusform>有 %n 张会员证尚未打印（列出前 %1 张）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/cards_page.py" line="126"/>
        <source>%n cards are not printed yet.</source>
        <translation>
            <numerusform>有 %n 张会员证尚未打印。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/cards_page.py" line="160"/>
        <source>Printing %n cards…</source>
        <translation>
            <numerusform>正在打印 %n 张会员证…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/cards_page.py" line="188"/>
        <source>%n cards were sent to the printer and recorded as printed.</source>
        <translation>
            <numerusform>已将 %n 张会员证发送到打印机，并记录为已打印。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/cards_page.py" line="225"/>
        <source>%n pages</source>
        <translation>
            <numerusform>%n 页</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/cards_page.py" line="227"/>
        <source>%n cards on %1 were saved to %2 and recorded as printed. Print the file at 100% (actual size), not “fit to page”.</source>
        <translation>
            <numerusform>%n 张会员证（%1）已保存到 %2，并记录为已打印。打印时请选择 100%（实际大小），不要选“适合页面”。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_page.py" line="195"/>
        <source>Save A4 card sheets</source>
        <translation>保存 A4 会员证打印页</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_page.py" line="196"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_page.py" line="206"/>
        <source>Making the A4 card sheets…</source>
        <translation>正在生成 A4 会员证打印页…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/cards_page.py" line="232"/>
        <source>Cancelled: no card was recorded as printed.</source>
        <translation>已取消：没有会员证被记录为已打印。</translation>
    </message>
</context>
</TS>
