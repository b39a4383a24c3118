<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AssetDialog</name>
    <message>
        <source>New asset</source>
        <translation>新增设备</translation>
    </message>
    <message>
        <source>Edit asset – {tag}</source>
        <translation>编辑设备 – {tag}</translation>
    </message>
    <message>
        <source>bench 2, back room</source>
        <translation>2号工位、后间</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>（未记录）</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>The outlet (its own equipment)</source>
        <translation>本网点（自有设备）</translation>
    </message>
    <message>
        <source>A customer&apos;s equipment kept in service under a contract belongs to them</source>
        <translation>按服务合同维护的客户设备归该客户所有</translation>
    </message>
    <message>
        <source>Find a customer by name or phone</source>
        <translation>按姓名或电话查找客户</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Outlet</source>
        <translation>网点(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Location</source>
        <translation>存放位置(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Make</source>
        <translation>品牌(&amp;M)</translation>
    </message>
    <message>
        <source>Mo&amp;del</source>
        <translation>型号(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Serial number</source>
        <translation>序列号(&amp;S)</translation>
    </message>
    <message>
        <source>O&amp;wner</source>
        <translation>所有者(&amp;W)</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>备注(&amp;T)</translation>
    </message>
    <message>
        <source>Su&amp;pplier</source>
        <translation>供应商(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;urchase date</source>
        <translation>购置日期(&amp;U)</translation>
    </message>
    <message>
        <source>Purchase c&amp;ost</source>
        <translation>购置成本(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Warranty end</source>
        <translation>保修截止(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Accepted on</source>
        <translation>验收日期(&amp;A)</translation>
    </message>
    <message>
        <source>Accepted &amp;by</source>
        <translation>验收人(&amp;B)</translation>
    </message>
    <message>
        <source>Acceptance &amp;result</source>
        <translation>验收结果(&amp;R)</translation>
    </message>
    <message>
        <source>Acceptance notes</source>
        <translation>验收备注</translation>
    </message>
</context>
<context>
    <name>AssetLabelsDialog</name>
    <message>
        <source>Print asset labels</source>
        <translation>打印设备标签</translation>
    </message>
    <message>
        <source>The selected asset: {tag} {name}</source>
        <translation>选中的设备：{tag} {name}</translation>
    </message>
    <message>
        <source>The selected asset (none is selected)</source>
        <translation>选中的设备（未选中任何设备）</translation>
    </message>
    <message numerus="yes">
        <source>All %n assets listed</source>
        <translation>
            <numerusform>列表中全部 %n 台设备</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n labels</source>
        <translation>
            <numerusform>共 %n 张标签</numerusform>
        </translation>
    </message>
    <message>
        <source>Assets to label</source>
        <translation>打印哪些设备</translation>
    </message>
    <message>
        <source>&amp;Copies of each</source>
        <translation>每台份数(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Label stock</source>
        <translation>标签纸(&amp;L)</translation>
    </message>
    <message>
        <source>Labels {tag}</source>
        <translation>标签 {tag}</translation>
    </message>
    <message>
        <source>Asset labels</source>
        <translation>设备标签</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Escalate</source>
        <translation>升级处理</translation>
    </message>
    <message>
        <source>Assign technician</source>
        <translation>指派技师</translation>
    </message>
    <message>
        <source>Hand a complicated problem to a senior technician or the manager; the reason is kept in the history.</source>
        <translation>将复杂问题交给资深技师或经理处理；原因会记入历史记录。</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无人）</translation>
    </message>
    <message>
        <source>&amp;Technician</source>
        <translation>技师(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message numerus="yes">
        <source>%n tasks</source>
        <translation>
            <numerusform>%n 项任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{day}: %n tasks</source>
        <translation>
            <numerusform>{day}：%n 项任务</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CancelCountDialog</name>
    <message>
        <source>Cancel count {number}</source>
        <translation>取消盘点 {number}</translation>
    </message>
    <message>
        <source>Cancel count {number}? What was counted is kept for the record; no stock changes. A new count can be started afterwards.</source>
        <translation>确定取消盘点单 {number} 吗？已录入的盘点数量会保留备查，库存不做任何变动。取消后可以重新开始盘点。</translation>
    </message>
    <message>
        <source>Why: wrong aisle, start again, …</source>
        <translation>原因：盘错货架、需要重盘……</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel the &amp;count</source>
        <translation>取消盘点(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Keep counting</source>
        <translation>继续盘点(&amp;K)</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel job – {number}</source>
        <translation>取消工单 – {number}</translation>
    </message>
    <message>
        <source>{paid} was paid and will be recorded as refunded.</source>
        <translation>已付 {paid}，将记录为退款。</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>Refund &amp;method</source>
        <translation>退款方式(&amp;M)</translation>
    </message>
</context>
<context>
    <name>CancelOrderDialog</name>
    <message>
        <source>Cancel purchase order {number}</source>
        <translation>取消采购单 {number}</translation>
    </message>
    <message numerus="yes">
        <source>{number} to {supplier}: %n lines, {total}.</source>
        <translation>
            <numerusform>{number}，供应商 {supplier}：共 %n 行，合计 {total}。</numerusform>
        </translation>
    </message>
    <message>
        <source>e.g. supplier out of stock, ordered elsewhere</source>
        <translation>例如：供应商缺货、已向别家订购</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel &amp;order</source>
        <translation>取消采购单(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>保留(&amp;K)</translation>
    </message>
</context>
<context>
    <name>CatalogueImportDialog</name>
    <message>
        <source>Import parts from a spreadsheet</source>
        <translation>从表格导入备件</translation>
    </message>
    <message>
        <source>Only a manager or an admin may change the catalogue.</source>
        <translation>只有经理或管理员可以修改备件目录。</translation>
    </message>
    <message>
        <source>Load the catalogue from an Excel workbook (.xlsx) or a CSV file. Parts whose SKU is already in the catalogue are updated, not added twice; columns left out keep what the catalogue holds.</source>
        <translation>从 Excel 工作簿（.xlsx）或 CSV 文件导入备件目录。货号已在目录中的备件会被更新，不会重复添加；文件中没有的列保留目录中的原值。</translation>
    </message>
    <message>
        <source>Bin location, minimum level and reorder quantity are set at {outlet}.</source>
        <translation>货位、最低库存和补货数量将设置在 {outlet}。</translation>
    </message>
    <message>
        <source>Suppliers added: {names}</source>
        <translation>已新增供应商：{names}</translation>
    </message>
    <message>
        <source>The catalogue already matched the file; nothing changed.</source>
        <translation>备件目录与文件一致，没有任何变更。</translation>
    </message>
    <message>
        <source>New suppliers to be added: {names}</source>
        <translation>将新增供应商：{names}</translation>
    </message>
    <message>
        <source>The catalogue already matches this file; nothing to import.</source>
        <translation>备件目录已与此文件一致，无需导入。</translation>
    </message>
</context>
<context>
    <name>CategoriesDialog</name>
    <message>
        <source>Equipment categories</source>
        <translation>设备类别</translation>
    </message>
    <message>
        <source>Name of a new category, or the new name</source>
        <translation>新类别名称，或修改后的名称</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>重命名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Retire</source>
        <translation>停用(&amp;R)</translation>
    </message>
    <message>
        <source>Show retired categories</source>
        <translation>显示已停用类别</translation>
    </message>
    <message>
        <source>{name} (retired)</source>
        <translation>{name}（已停用）</translation>
    </message>
    <message>
        <source>Rest&amp;ore</source>
        <translation>恢复(&amp;O)</translation>
    </message>
</context>
<context>
    <name>ChecklistEditor</name>
    <message>
        <source>Check (ok / not ok)</source>
        <translation>检查（合格 / 不合格）</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Meter reading</source>
        <translation>计量表读数</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>&amp;Add item</source>
        <translation>添加检查项(&amp;A)</translation>
    </message>
    <message>
        <source>A new line at the end (Insert)</source>
        <translation>在末尾新增一行（Insert 键）</translation>
    </message>
    <message>
        <source>Remo&amp;ve item</source>
        <translation>删除检查项(&amp;V)</translation>
    </message>
    <message>
        <source>Delete the selected line (Delete)</source>
        <translation>删除所选行（Delete 键）</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>Only numbers and meter readings have a unit and range</source>
        <translation>只有数值和计量表读数才有单位和合格范围</translation>
    </message>
</context>
<context>
    <name>ColumnFit</name>
    <message>
        <source>Fit columns</source>
        <translation>自动调整列宽</translation>
    </message>
</context>
<context>
    <name>ComingLaterPage</name>
    <message>
        <source>Coming in a later version. This page holds no data yet.</source>
        <translation>将在后续版本中提供。本页面暂无数据。</translation>
    </message>
</context>
<context>
    <name>CountLinesModel</name>
    <message>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>货位</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>账面数量</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实盘数量</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>CountReviewDialog</name>
    <message>
        <source>Only a manager or an admin may post a count or ask for a recount.</source>
        <translation>只有经理或管理员可以过账盘点或要求重新盘点。</translation>
    </message>
    <message>
        <source>Review count {number}</source>
        <translation>核对盘点 {number}</translation>
    </message>
    <message>
        <source>Re&amp;count these parts</source>
        <translation>重新盘点这些备件(&amp;C)</translation>
    </message>
    <message>
        <source>Lines with a difference</source>
        <translation>有差异的行</translation>
    </message>
    <message>
        <source>Lines not counted</source>
        <translation>未盘点的行</translation>
    </message>
    <message>
        <source>All lines</source>
        <translation>全部行</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>&amp;Post corrections…</source>
        <translation>过账盘点差异(&amp;P)…</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;{counted} of %n lines counted&lt;/b&gt; ({not_counted} not counted: they stay as they are). Differences: {differences}. Found {found}, missing {missing}, &lt;b&gt;net value {net}&lt;/b&gt; at average cost.</source>
        <translation>
            <numerusform>&lt;b&gt;已盘 {counted} / %n 行&lt;/b&gt;（{not_counted} 行未盘，库存保持不变）。差异 {differences} 行。按平均成本计：盘盈 {found}，盘亏 {missing}，&lt;b&gt;净差额 {net}&lt;/b&gt;。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stock of %n counted parts moved after the count started: {skus}. Count them again before posting.</source>
        <translation>
            <numerusform>盘点开始后，有 %n 个已盘备件发生了库存变动：{skus}。请先重新盘点这些备件再过账。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n counted parts are outside this count&apos;s bins or category: {skus}. Recount them to clear their counts before posting.</source>
        <translation>
            <numerusform>有 %n 个已盘备件不在本次盘点的货位或类别范围内：{skus}。请先重新盘点这些备件以清除其盘点数量，再过账。</numerusform>
        </translation>
    </message>
    <message>
        <source>outside this count: recount</source>
        <translation>超出盘点范围：请重新盘点</translation>
    </message>
    <message numerus="yes">
        <source>Post count {number} to the stock at {outlet}? %n parts change, net value {net}. {not_counted} Posted corrections cannot be taken back.</source>
        <translation>
            <numerusform>确定将盘点单 {number} 过账到 {outlet} 的库存吗？将调整 %n 个备件，净差额 {net}。{not_counted}过账后无法撤销。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lines not counted stay as they are.</source>
        <translation>
            <numerusform>未盘点的 %n 行保持不变。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n parts to count again: their counts were cleared and what the ledger says now is expected. Count them, then review again.</source>
        <translation>
            <numerusform>%n 个备件需要重新盘点：其盘点数量已清空，账面数量已更新为当前库存。请重新盘点后再核对。</numerusform>
        </translation>
    </message>
    <message>
        <source>moved since counted: recount</source>
        <translation>盘点后有变动：需重盘</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>未盘点</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>OutletDesk hit an unexpected error</source>
        <translation>OutletDesk 遇到意外错误</translation>
    </message>
    <message>
        <source>Something went wrong inside OutletDesk. Your saved work is safe: every change is saved in one transaction or not at all.</source>
        <translation>OutletDesk 内部出现问题。已保存的工作是安全的：每项更改要么完整保存，要么完全不保存。</translation>
    </message>
    <message>
        <source>Details were written to the log file: {path}</source>
        <translation>详细信息已写入日志文件：{path}</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>Other phone</source>
        <translation>其他电话</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>电子邮件(&amp;E)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Other phones</source>
        <translation>其他电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>Search by name or phone number (Ctrl+F)</source>
        <translation>按姓名或电话号码搜索（Ctrl+F）</translation>
    </message>
    <message>
        <source>&amp;New customer</source>
        <translation>新建客户(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>E&amp;xport to Excel…</source>
        <translation>导出到 Excel(&amp;X)…</translation>
    </message>
    <message>
        <source>Your role may not export data.</source>
        <translation>您的角色无权导出数据。</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Showing the first {shown} of {total} customers; type more to narrow the search.</source>
        <translation>显示 {total} 位客户中的前 {shown} 位；请输入更多内容以缩小搜索范围。</translation>
    </message>
    <message numerus="yes">
        <source>%n customers</source>
        <translation>
            <numerusform>共 %n 位客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customers written to {path}</source>
        <translation>
            <numerusform>已将 %n 位客户写入 {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a customer to see their details.</source>
        <translation>选择一位客户以查看详细信息。</translation>
    </message>
    <message>
        <source>No repairs yet.</source>
        <translation>暂无维修记录。</translation>
    </message>
    <message>
        <source>Repair history</source>
        <translation>维修记录</translation>
    </message>
    <message>
        <source>Exporting customers…</source>
        <translation>正在导出客户…</translation>
    </message>
    <message>
        <source>Export customers</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
</context>
<context>
    <name>DatabaseTab</name>
    <message>
        <source>SQLite file on this computer</source>
        <translation>本机上的 SQLite 文件</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>位置(&amp;L)：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Schema revision:</source>
        <translation>数据库结构版本：</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <source>Only an administrator or outlet manager can make backups.</source>
        <translation>只有系统管理员或网点经理可以进行备份。</translation>
    </message>
    <message>
        <source>(not set up)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>Back up to</source>
        <translation>备份到</translation>
    </message>
    <message>
        <source>OutletDesk backups (*.sqlite3)</source>
        <translation>OutletDesk 备份 (*.sqlite3)</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backup saved to {path} ({outlets} outlets, {users} users, {customers} customers).</source>
        <translation>备份已保存到 {path}（{outlets} 个网点，{users} 个用户，{customers} 位客户）。</translation>
    </message>
    <message>
        <source>The backup could not be written: {detail}</source>
        <translation>无法写入备份：{detail}</translation>
    </message>
</context>
<context>
    <name>DraftFromLowStockDialog</name>
    <message>
        <source>Draft a purchase order from the low-stock list</source>
        <translation>按库存不足清单生成采购单草稿</translation>
    </message>
    <message>
        <source>The draft takes this supplier&apos;s parts on the low-stock list at the suggested quantities and their cost prices; check it, then place it.</source>
        <translation>草稿按建议数量和成本价收录该供应商在库存不足清单上的备件；请核对后再下单。</translation>
    </message>
    <message numerus="yes">
        <source>{supplier} (%n parts running low)</source>
        <translation>
            <numerusform>{supplier}（%n 种备件库存不足）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n parts on the list have no supplier; set one in the part to order them this way.</source>
        <translation>
            <numerusform>清单上有 %n 种备件未设供应商；在备件资料中设置供应商后才能这样订购。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Supplier</source>
        <translation>供应商(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Draft order</source>
        <translation>生成草稿(&amp;D)</translation>
    </message>
    <message>
        <source>No part on the low-stock list has a supplier to order from.</source>
        <translation>库存不足清单上的备件都没有设置供应商，无法生成采购单。</translation>
    </message>
</context>
<context>
    <name>DueTab</name>
    <message>
        <source>Anyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Whose tasks are listed</source>
        <translation>显示谁的任务</translation>
    </message>
    <message>
        <source>&amp;Log upkeep…</source>
        <translation>登记保养(&amp;L)…</translation>
    </message>
    <message>
        <source>Record the selected task as done, with its checklist</source>
        <translation>按检查表登记所选任务已完成</translation>
    </message>
    <message>
        <source>Show &amp;asset</source>
        <translation>查看设备(&amp;A)</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>{overdue} overdue · {today} due today · {week} this week · {later} upcoming</source>
        <translation>逾期 {overdue} · 今天到期 {today} · 本周 {week} · 即将到期 {later}</translation>
    </message>
    <message>
        <source>Due ({count})</source>
        <translation>到期（{count}）</translation>
    </message>
</context>
<context>
    <name>EquipmentActions</name>
    <message>
        <source>Only maintenance staff, a manager or an admin may import equipment.</source>
        <translation>只有设备维护人员、店长或管理员可以导入设备。</translation>
    </message>
    <message>
        <source>Label&amp;s…</source>
        <translation>标签(&amp;S)…</translation>
    </message>
    <message>
        <source>Asset tag labels with QR code and barcode, for this asset or all listed</source>
        <translation>带二维码和条码的设备标签，可打印本设备或列表中的全部设备</translation>
    </message>
    <message>
        <source>Re&amp;port…</source>
        <translation>报告(&amp;P)…</translation>
    </message>
    <message>
        <source>The asset&apos;s maintenance report (A4): history, last results, next due</source>
        <translation>设备维护报告（A4）：历史记录、最近一次结果、下次到期</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Equipment register…</source>
        <translation>设备台账(&amp;E)…</translation>
    </message>
    <message>
        <source>Assets from an Excel workbook or CSV file, checked first</source>
        <translation>从 Excel 工作簿或 CSV 文件导入设备，导入前先检查</translation>
    </message>
    <message>
        <source>&amp;Maintenance history…</source>
        <translation>维护历史(&amp;M)…</translation>
    </message>
    <message>
        <source>Machines, replacements and failures from a folder of PdM files</source>
        <translation>从 PdM 文件夹导入机器、部件更换和故障记录</translation>
    </message>
    <message>
        <source>Maintenance report {tag}</source>
        <translation>设备维护报告 {tag}</translation>
    </message>
    <message>
        <source>Preparing the maintenance report…</source>
        <translation>正在生成设备维护报告…</translation>
    </message>
    <message>
        <source>Choose the folder with the maintenance history files</source>
        <translation>选择存放维护历史文件的文件夹</translation>
    </message>
    <message>
        <source>Importing the maintenance history from {folder}…</source>
        <translation>正在从 {folder} 导入维护历史…</translation>
    </message>
    <message>
        <source>{assets}, {matched} already there; {records} ({planned} planned, {repairs}, {breakdowns}), {there} already there.</source>
        <translation>{assets}，已有 {matched} 台；{records}（计划保养 {planned} 条、{repairs}、{breakdowns}），已有 {there} 条。</translation>
    </message>
    <message numerus="yes">
        <source>%n assets added</source>
        <translation>
            <numerusform>新增设备 %n 台</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records added</source>
        <translation>
            <numerusform>新增记录 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repairs</source>
        <translation>
            <numerusform>维修 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n breakdowns</source>
        <translation>
            <numerusform>故障停机 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n malformed lines in {folder}; nothing was imported.</source>
        <translation>
            <numerusform>{folder} 中有 %n 行格式有误，未导入任何内容。</numerusform>
        </translation>
    </message>
    <message>
        <source>Maintenance history not imported</source>
        <translation>维护历史未导入</translation>
    </message>
    <message>
        <source>Imported {folder}: {counts}</source>
        <translation>已导入 {folder}：{counts}</translation>
    </message>
    <message>
        <source>Nothing new in {folder}: {counts}</source>
        <translation>{folder} 中没有新内容：{counts}</translation>
    </message>
    <message>
        <source>Maintenance history imported</source>
        <translation>维护历史已导入</translation>
    </message>
</context>
<context>
    <name>EquipmentExports</name>
    <message>
        <source>&amp;Equipment register…</source>
        <translation>设备台账(&amp;E)…</translation>
    </message>
    <message>
        <source>Every asset of the outlet shown, with purchase, acceptance and status</source>
        <translation>当前网点的全部设备，含购置、验收和状态</translation>
    </message>
    <message>
        <source>&amp;Maintenance log…</source>
        <translation>维护保养记录(&amp;M)…</translation>
    </message>
    <message>
        <source>Maintenance, repairs and breakdowns of a period, outlet, asset or category</source>
        <translation>按期间、网点、设备或类别导出保养、维修和故障停机记录</translation>
    </message>
    <message>
        <source>&amp;Due list…</source>
        <translation>待保养清单(&amp;D)…</translation>
    </message>
    <message>
        <source>Maintenance overdue, due today, this week and upcoming</source>
        <translation>已逾期、今天到期、本周到期和即将到期的保养</translation>
    </message>
    <message>
        <source>&amp;Plan overview…</source>
        <translation>保养计划一览(&amp;P)…</translation>
    </message>
    <message>
        <source>Every plan, with the next due of each asset it covers</source>
        <translation>全部保养计划，及其所覆盖每台设备的下次到期</translation>
    </message>
    <message>
        <source>Export the equipment register</source>
        <translation>导出设备台账</translation>
    </message>
    <message numerus="yes">
        <source>%n assets written to {path}</source>
        <translation>
            <numerusform>已将 %n 台设备写入 {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n maintenance records written to {path}</source>
        <translation>
            <numerusform>已将 %n 条维护保养记录写入 {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n maintenance tasks written to {path}</source>
        <translation>
            <numerusform>已将 %n 项保养任务写入 {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n plan rows written to {path}</source>
        <translation>
            <numerusform>已将 %n 行保养计划写入 {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting the equipment register…</source>
        <translation>正在导出设备台账…</translation>
    </message>
    <message>
        <source>Export the maintenance log</source>
        <translation>导出维护保养记录</translation>
    </message>
    <message>
        <source>Exporting the maintenance log…</source>
        <translation>正在导出维护保养记录…</translation>
    </message>
    <message>
        <source>Export the due list</source>
        <translation>导出待保养清单</translation>
    </message>
    <message>
        <source>Exporting the due list…</source>
        <translation>正在导出待保养清单…</translation>
    </message>
    <message>
        <source>Export the plan overview</source>
        <translation>导出保养计划一览</translation>
    </message>
    <message>
        <source>Exporting the plan overview…</source>
        <translation>正在导出保养计划一览…</translation>
    </message>
</context>
<context>
    <name>EquipmentImportDialog</name>
    <message>
        <source>Import equipment from a spreadsheet</source>
        <translation>从表格导入设备</translation>
    </message>
    <message>
        <source>Load the equipment register from an Excel workbook (.xlsx) or a CSV file. A row whose asset tag is already in the register updates that asset; a row without a tag adds an asset and gives it a new tag.</source>
        <translation>从 Excel 工作簿（.xlsx）或 CSV 文件导入设备台账。资产编号已在台账中的行会更新该设备；没有编号的行会新增设备并分配新编号。</translation>
    </message>
    <message>
        <source>Only maintenance staff, a manager or an admin may change the equipment register.</source>
        <translation>只有设备维护人员、店长或管理员可以修改设备台账。</translation>
    </message>
    <message>
        <source>Every new asset needs its outlet in the file: the Outlet column takes an outlet&apos;s code or its name.</source>
        <translation>每台新设备都须在文件中注明网点：“网点”列可填网点代码或网点名称。</translation>
    </message>
    <message>
        <source>The Outlet column takes an outlet&apos;s code or its name; new assets without one go to {outlet}.</source>
        <translation>“网点”列可填网点代码或网点名称；未填写网点的新设备归入 {outlet}。</translation>
    </message>
    <message numerus="yes">
        <source>Create the %n new categories listed</source>
        <translation>
            <numerusform>新建所列的 %n 个类别</numerusform>
        </translation>
    </message>
    <message>
        <source>Categories added: {names}</source>
        <translation>已新增类别：{names}</translation>
    </message>
    <message>
        <source>Not categories in OutletDesk: {names}. Correct them in the file, or tick the box below to add them.</source>
        <translation>OutletDesk 中没有这些类别：{names}。请在文件中改正，或勾选下方选项新建这些类别。</translation>
    </message>
    <message>
        <source>New categories to be added: {names}</source>
        <translation>将新增类别：{names}</translation>
    </message>
    <message>
        <source>The register already matched the file; nothing changed.</source>
        <translation>设备台账与文件一致，没有任何变更。</translation>
    </message>
    <message>
        <source>The register already matches this file; nothing to import.</source>
        <translation>设备台账已与此文件一致，无需导入。</translation>
    </message>
</context>
<context>
    <name>EquipmentPage</name>
    <message>
        <source>Only maintenance staff, a manager or an admin may change the equipment register.</source>
        <translation>只有设备维护人员、店长或管理员可以修改设备台账。</translation>
    </message>
    <message>
        <source>Only maintenance staff, technicians, a manager or an admin may log upkeep, faults and readings.</source>
        <translation>只有设备维护人员、维修技师、店长或管理员可以登记保养、故障和读数。</translation>
    </message>
    <message>
        <source>Search by tag, name, make, model or serial number (Ctrl+F)</source>
        <translation>按设备编号、名称、品牌、型号或序列号搜索（Ctrl+F）</translation>
    </message>
    <message>
        <source>Whose equipment is listed</source>
        <translation>显示哪个网点的设备</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>所有类别</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>&amp;New asset…</source>
        <translation>新增设备(&amp;N)…</translation>
    </message>
    <message>
        <source>Cate&amp;gories…</source>
        <translation>类别(&amp;G)…</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Make / model</source>
        <translation>品牌 / 型号</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Show retired</source>
        <translation>显示已报废</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>S&amp;tatus…</source>
        <translation>状态(&amp;T)…</translation>
    </message>
    <message>
        <source>In service, out of service, under repair, or retire it</source>
        <translation>在用、停用、维修中，或报废</translation>
    </message>
    <message>
        <source>Add &amp;meter…</source>
        <translation>添加计量表(&amp;M)…</translation>
    </message>
    <message>
        <source>Operating hours, cycles, kilometres</source>
        <translation>运行小时、次数、公里数</translation>
    </message>
    <message>
        <source>&amp;Reading…</source>
        <translation>读数(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Log upkeep…</source>
        <translation>登记保养(&amp;L)…</translation>
    </message>
    <message>
        <source>Planned maintenance or a repair, with its checklist</source>
        <translation>计划保养或维修，按检查表登记</translation>
    </message>
    <message>
        <source>Log &amp;breakdown…</source>
        <translation>登记故障(&amp;B)…</translation>
    </message>
    <message>
        <source>A failure: its cause, component and downtime</source>
        <translation>故障：原因、部件和停机时间</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>设备台账</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>指标</translation>
    </message>
    <message numerus="yes">
        <source>%n assets</source>
        <translation>
            <numerusform>共 %n 台设备</numerusform>
        </translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>保养</translation>
    </message>
    <message>
        <source>Equipment &amp; maintenance</source>
        <translation>设备与维护</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>保养计划</translation>
    </message>
    <message>
        <source>Select an asset to see its details and history.</source>
        <translation>选择一台设备查看详情和履历。</translation>
    </message>
    <message>
        <source>All outlets</source>
        <translation>所有网点</translation>
    </message>
    <message>
        <source>No asset has the tag {tag}.</source>
        <translation>没有编号为 {tag} 的设备。</translation>
    </message>
    <message>
        <source>Retired on</source>
        <translation>报废日期</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Make</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Purchase date</source>
        <translation>购置日期</translation>
    </message>
    <message>
        <source>Purchase cost</source>
        <translation>购置成本</translation>
    </message>
    <message>
        <source>Warranty end</source>
        <translation>保修截止</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>验收</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Meters</source>
        <translation>计量表</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>计量表</translation>
    </message>
    <message>
        <source>Last reading</source>
        <translation>最近读数</translation>
    </message>
    <message>
        <source>Read at</source>
        <translation>读数时间</translation>
    </message>
    <message>
        <source>No meters.</source>
        <translation>没有计量表。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履历</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Nothing yet.</source>
        <translation>暂无记录。</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>故障停机</translation>
    </message>
    <message>
        <source>Reading: {meter}</source>
        <translation>读数：{meter}</translation>
    </message>
    <message>
        <source>still down since {since}</source>
        <translation>自 {since} 起仍在停机</translation>
    </message>
    <message>
        <source>down {hours} h</source>
        <translation>停机 {hours} 小时</translation>
    </message>
    <message>
        <source>The asset has no meter yet</source>
        <translation>该设备还没有计量表</translation>
    </message>
    <message>
        <source>Back in service; {downtime}.</source>
        <translation>已恢复使用；{downtime}。</translation>
    </message>
    <message>
        <source>{record} logged; repair work order {order} opened at the counter.</source>
        <translation>{record} 已记录；已在柜台开立维修工单 {order}。</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <source>Your role may not export data.</source>
        <translation>您的角色无权导出数据。</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
</context>
<context>
    <name>FiguresTab</name>
    <message>
        <source>By asset</source>
        <translation>按设备</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <source>By model</source>
        <translation>按型号</translation>
    </message>
    <message>
        <source>Asset, category or model</source>
        <translation>设备、类别或型号</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>设备数</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>故障次数</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>小时数</translation>
    </message>
    <message>
        <source>Downtime (h)</source>
        <translation>停机（小时）</translation>
    </message>
    <message>
        <source>MTBF (h)</source>
        <translation>MTBF（小时）</translation>
    </message>
    <message>
        <source>MTTR (h)</source>
        <translation>MTTR（小时）</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>可用率</translation>
    </message>
    <message>
        <source>MTBF: hours in service less downtime, per failure. MTTR: downtime per breakdown whose downtime has ended; an asset still down counts as down up to now. Availability below 95 % is shown in red. Compliance: planned tasks done on time, out of all due in the period: those done in it (on time or late) and every due date up to yesterday whose task is still not done (missed).</source>
        <translation>MTBF：在用小时数减去停机时间，再除以故障次数。MTTR：停机已结束的故障的平均停机时间；仍在停机的设备按停机至今计算。可用率低于 95% 显示为红色。按时完成率：按时完成的计划任务占期间内全部应做任务的比例；应做任务包括期间内已完成的（按时或逾期），以及截至昨天已到期仍未完成的（漏做）。</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Compliance: {share} ({on_time} of {done} on time)</source>
        <translation>按时完成率：{share}（{done} 项中 {on_time} 项按时）</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Set up OutletDesk</source>
        <translation>设置 OutletDesk</translation>
    </message>
    <message>
        <source>This database is empty. Name your outlet and create the administrator account.</source>
        <translation>该数据库为空。请为您的网点命名并创建管理员账户。</translation>
    </message>
    <message>
        <source>Outlet &amp;code</source>
        <translation>网点代码(&amp;C)</translation>
    </message>
    <message>
        <source>Outlet &amp;name</source>
        <translation>网点名称(&amp;N)</translation>
    </message>
    <message>
        <source>Administrator &amp;user name</source>
        <translation>管理员用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>全名(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>再次输入密码(&amp;R)</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Follow-up call – {number}</source>
        <translation>回访 – {number}</translation>
    </message>
    <message>
        <source>Calls that did not reach the customer: {count}; the last {when} by {who}.</source>
        <translation>未联系到客户的回访：{count} 次；最近一次：{when}，{who}。</translation>
    </message>
    <message>
        <source>Customer &amp;reached</source>
        <translation>已联系到客户(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Give up: the customer cannot be reached</source>
        <translation>放弃回访：无法联系到客户(&amp;G)</translation>
    </message>
    <message>
        <source>Closes the follow-up without scores; it counts as not done in time.</source>
        <translation>结束回访，不记录评分；计为未按时回访。</translation>
    </message>
    <message>
        <source>Contact &amp;method</source>
        <translation>回访方式(&amp;M)</translation>
    </message>
    <message>
        <source>Service &amp;attitude (1–5)</source>
        <translation>服务态度(&amp;A)（1–5）</translation>
    </message>
    <message>
        <source>&amp;Efficiency (1–5)</source>
        <translation>效率(&amp;E)（1–5）</translation>
    </message>
    <message>
        <source>Problem &amp;solved (1–5)</source>
        <translation>问题解决(&amp;S)（1–5）</translation>
    </message>
    <message>
        <source>&amp;Overall (1–5)</source>
        <translation>总体(&amp;O)（1–5）</translation>
    </message>
    <message>
        <source>&amp;Comment</source>
        <translation>评价(&amp;C)</translation>
    </message>
    <message>
        <source>The scores close the follow-up.</source>
        <translation>记录评分后，本次回访完成。</translation>
    </message>
    <message>
        <source>The follow-up is closed as not reachable and counts as not done in time.</source>
        <translation>回访将以“无法联系”结束，计为未按时回访。</translation>
    </message>
    <message>
        <source>This call is logged as an attempt; the follow-up stays due.</source>
        <translation>本次记为一次未接通的回访尝试，回访仍待完成。</translation>
    </message>
</context>
<context>
    <name>HandBackDialog</name>
    <message>
        <source>Hand back – {number}</source>
        <translation>交付取件 – {number}</translation>
    </message>
    <message>
        <source>Total {total}, paid {paid}: nothing to collect.</source>
        <translation>合计 {total}，已付 {paid}：无需收款。</translation>
    </message>
    <message>
        <source>Total {total}, paid {paid}: {balance} to collect now.</source>
        <translation>合计 {total}，已付 {paid}：现需收取 {balance}。</translation>
    </message>
    <message>
        <source>Print the hand-back &amp;receipt</source>
        <translation>打印交付小票(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Collected by</source>
        <translation>取件人(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Payment</source>
        <translation>付款(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>方式(&amp;M)</translation>
    </message>
    <message>
        <source>Give back {amount} of the deposit to the customer ({method}).</source>
        <translation>请退还客户定金 {amount}（{method}）。</translation>
    </message>
    <message>
        <source>Refund {amount} paid above the bill ({method}); it is recorded as a refund given back by you.</source>
        <translation>超出账单的已付款 {amount} 需退款（{method}），记为由您退还的退款。</translation>
    </message>
    <message>
        <source>Change: {change}</source>
        <translation>找零：{change}</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>New intake</source>
        <translation>新建接收</translation>
    </message>
    <message>
        <source>Print &amp;intake receipt</source>
        <translation>打印接收小票(&amp;I)</translation>
    </message>
    <message>
        <source>Print device &amp;label</source>
        <translation>打印设备标签(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Save (Ctrl+Enter)</source>
        <translation>保存(&amp;S)（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Find by name or phone; ↓ to the results</source>
        <translation>按姓名或电话查找；按 ↓ 进入结果</translation>
    </message>
    <message>
        <source>Other customer</source>
        <translation>其他客户</translation>
    </message>
    <message>
        <source>Click or press Enter to fill in the device fields</source>
        <translation>单击或按 Enter 填入设备信息</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>电话(&amp;H)</translation>
    </message>
    <message>
        <source>Their devices (Enter fills in the device):</source>
        <translation>客户的设备（按 Enter 填入设备信息）：</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>15 digits</source>
        <translation>15 位数字</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (optional)</source>
        <translation>YYYY-MM-DD（可选）</translation>
    </message>
    <message>
        <source>Invoice or order number</source>
        <translation>发票号或订单号</translation>
    </message>
    <message>
        <source>Scratches, engraving, case colour…</source>
        <translation>划痕、刻字、外壳颜色…</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>类型(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Brand / model</source>
        <translation>品牌 / 型号(&amp;B)</translation>
    </message>
    <message>
        <source>Se&amp;rial number</source>
        <translation>序列号(&amp;R)</translation>
    </message>
    <message>
        <source>I&amp;MEI</source>
        <translation>IMEI(&amp;M)</translation>
    </message>
    <message>
        <source>Proof of purchase</source>
        <translation>购买凭证</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Device notes</source>
        <translation>设备备注</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>&amp;Urgent (expedite)</source>
        <translation>加急(&amp;U)</translation>
    </message>
    <message>
        <source>Charger, case, SIM card…</source>
        <translation>充电器、保护壳、SIM 卡…</translation>
    </message>
    <message>
        <source>Only technicians can read it; erased at hand-back</source>
        <translation>仅技师可见；交付时自动清除</translation>
    </message>
    <message>
        <source>&amp;Promised</source>
        <translation>承诺时间(&amp;P)</translation>
    </message>
    <message>
        <source>(later)</source>
        <translation>（稍后指派）</translation>
    </message>
    <message>
        <source>Customer&apos;s &amp;demand</source>
        <translation>客户诉求(&amp;D)</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>{number} {device} ({status}, {date})</source>
        <translation>{number} {device}（{status}，{date}）</translation>
    </message>
    <message numerus="yes">
        <source>Seen before: {device}, %n repairs</source>
        <translation>
            <numerusform>曾经维修过：{device}，共 %n 次维修</numerusform>
        </translation>
    </message>
    <message>
        <source>The deposit ({deposit}) is more than the estimate ({estimate}). Take a deposit of {deposit} anyway?</source>
        <translation>定金（{deposit}）高于预估费用（{estimate}）。仍收取定金 {deposit} 吗？</translation>
    </message>
    <message>
        <source>Ne&amp;w customer name</source>
        <translation>新客户姓名(&amp;W)</translation>
    </message>
    <message>
        <source>Purchase date</source>
        <translation>购买日期</translation>
    </message>
    <message>
        <source>Rep&amp;orted fault</source>
        <translation>故障描述(&amp;O)</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Condition on arrival</source>
        <translation>接收时外观状况</translation>
    </message>
    <message>
        <source>&amp;Accessories</source>
        <translation>随机附件(&amp;A)</translation>
    </message>
    <message>
        <source>Pass&amp;code</source>
        <translation>密码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Estimate</source>
        <translation>预估费用(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Deposit</source>
        <translation>定金(&amp;D)</translation>
    </message>
    <message>
        <source>Promised for</source>
        <translation>承诺完成时间</translation>
    </message>
    <message>
        <source>Tech&amp;nician</source>
        <translation>技师(&amp;N)</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>This outlet requires every item to be checked at intake.</source>
        <translation>本网点要求接收时检查每一项。</translation>
    </message>
    <message>
        <source>No customer chosen: pick one above or enter a new customer below.</source>
        <translation>未选择客户：请在上方选择，或在下方输入新客户。</translation>
    </message>
    <message>
        <source>(no devices yet)</source>
        <translation>（暂无设备）</translation>
    </message>
    <message>
        <source>Past orders: {orders}</source>
        <translation>历史工单：{orders}</translation>
    </message>
    <message>
        <source>No past orders.</source>
        <translation>无历史工单。</translation>
    </message>
</context>
<context>
    <name>JudgementDialog</name>
    <message>
        <source>Judgement – {number}</source>
        <translation>初步判断 – {number}</translation>
    </message>
    <message>
        <source>Changing the warranty found at intake needs a reason; the lines are re-priced at once.</source>
        <translation>修改接收时确定的保修需要填写原因；明细会立即重新计价。</translation>
    </message>
    <message>
        <source>Quality defect</source>
        <translation>质量缺陷</translation>
    </message>
    <message>
        <source>Transport damage</source>
        <translation>运输损坏</translation>
    </message>
    <message>
        <source>Misuse or accident</source>
        <translation>使用不当或意外</translation>
    </message>
    <message>
        <source>Normal wear</source>
        <translation>正常磨损</translation>
    </message>
    <message>
        <source>Not under warranty: chargeable</source>
        <translation>不在保修期内：收费</translation>
    </message>
    <message>
        <source>Manufacturer warranty: free</source>
        <translation>厂家保修：免费</translation>
    </message>
    <message>
        <source>Our repair warranty (rework): free</source>
        <translation>本店维修保修（返修）：免费</translation>
    </message>
    <message>
        <source>&amp;What went wrong</source>
        <translation>问题原因(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Warranty</source>
        <translation>保修(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message>
        <source>&amp;Preview and print…</source>
        <translation>预览并打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Preparing the labels…</source>
        <translation>正在生成标签…</translation>
    </message>
</context>
<context>
    <name>LanguageTab</name>
    <message>
        <source>&amp;Language on this computer:</source>
        <translation>本机界面语言(&amp;L)：</translation>
    </message>
    <message>
        <source>The new language applies when OutletDesk restarts.</source>
        <translation>新语言将在 OutletDesk 重新启动后生效。</translation>
    </message>
</context>
<context>
    <name>LinesEditor</name>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Qty / minutes</source>
        <translation>数量 / 分钟</translation>
    </message>
    <message>
        <source>Price / hourly rate</source>
        <translation>单价 / 每小时费率</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>From</source>
        <translation>取自</translation>
    </message>
    <message>
        <source>Add la&amp;bour</source>
        <translation>添加工时(&amp;B)</translation>
    </message>
    <message>
        <source>Add &amp;part</source>
        <translation>添加备件(&amp;P)</translation>
    </message>
    <message>
        <source>Add f&amp;ee</source>
        <translation>添加费用(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Remove line</source>
        <translation>删除明细(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save lines</source>
        <translation>保存明细(&amp;S)</translation>
    </message>
    <message>
        <source>Save and &amp;wait for parts</source>
        <translation>保存并等待备件(&amp;W)</translation>
    </message>
    <message>
        <source>The order is set to awaiting parts; what is short is held for it as soon as stock arrives, and the order is flagged ready to continue.</source>
        <translation>工单将设为等待备件；缺少的备件一到货即为其预留，并标记工单可继续维修。</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Discount reason</source>
        <translation>折扣原因</translation>
    </message>
    <message>
        <source>{held} of {wanted} held, {short} short</source>
        <translation>已预留 {held}/{wanted}，缺 {short}</translation>
    </message>
    <message>
        <source>all {wanted} held on the shelf</source>
        <translation>全部 {wanted} 件已在货架预留</translation>
    </message>
    <message>
        <source>Parts have arrived: the order can continue.</source>
        <translation>备件已到：工单可以继续维修。</translation>
    </message>
    <message>
        <source>Waiting for parts:</source>
        <translation>等待备件：</translation>
    </message>
    <message>
        <source>From stock: saving takes it off this outlet&apos;s shelf</source>
        <translation>库存备件：保存后从本网点货架扣减</translation>
    </message>
    <message>
        <source>Where the part is taken from: change it with F2 or by typing</source>
        <translation>备件从哪里领取：按 F2 或直接输入可更改</translation>
    </message>
    <message>
        <source>Main store</source>
        <translation>主仓库</translation>
    </message>
    <message>
        <source>{name} (retired)</source>
        <translation>{name}（已停用）</translation>
    </message>
    <message>
        <source>Totals: fix the amounts marked ?</source>
        <translation>合计：请修正标有 ? 的金额</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <source>Tax ({rate}%)</source>
        <translation>税额（{rate}%）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <source>Refunded after hand-back</source>
        <translation>交付后已退款</translation>
    </message>
    <message>
        <source>Balance due</source>
        <translation>应付余额</translation>
    </message>
</context>
<context>
    <name>LocationsDialog</name>
    <message>
        <source>Stock locations – {outlet}</source>
        <translation>库位 – {outlet}</translation>
    </message>
    <message>
        <source>Only a manager or an admin may change stock locations.</source>
        <translation>只有经理或管理员可以更改库位。</translation>
    </message>
    <message>
        <source>Each location keeps its own shelf: a van or a second store room can be received into, counted and moved to and from the main store. A repair&apos;s part line takes its part from the main store unless the line names a van (its From column).</source>
        <translation>每个库位有各自的货架：服务车或第二库房可以入库、盘点，并与主仓库之间移库。维修单的备件行默认从主仓库领料，除非该行指定了服务车（“取自”列）。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Units on hand</source>
        <translation>现有数量</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>e.g. VAN-1</source>
        <translation>例如 VAN-1</translation>
    </message>
    <message>
        <source>e.g. Service van 1</source>
        <translation>例如 上门服务车1</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>代码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Add location</source>
        <translation>添加库位(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Rename selected</source>
        <translation>重命名所选(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;tire</source>
        <translation>停用(&amp;T)</translation>
    </message>
    <message>
        <source>Main store</source>
        <translation>主仓库</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Back in &amp;use</source>
        <translation>重新启用(&amp;U)</translation>
    </message>
    <message>
        <source>The main store of an outlet cannot be retired or renamed.</source>
        <translation>网点的主仓库不能停用或重命名。</translation>
    </message>
    <message>
        <source>Only an empty location can be retired, and only when no open work orders have parts taken from it; its history stays.</source>
        <translation>只有库存为空、且没有未结工单从中领料的库位才能停用；其历史记录会保留。</translation>
    </message>
</context>
<context>
    <name>LogDialog</name>
    <message>
        <source>Log work – {tag} {name}</source>
        <translation>登记工作 – {tag} {name}</translation>
    </message>
    <message>
        <source>Planned maintenance</source>
        <translation>计划保养</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>故障停机</translation>
    </message>
    <message>
        <source>(no plan)</source>
        <translation>（无计划）</translation>
    </message>
    <message>
        <source>When the work was finished; it cannot be in the future</source>
        <translation>工作完成的时间；不能晚于现在</translation>
    </message>
    <message>
        <source>The asset was down</source>
        <translation>设备曾停机</translation>
    </message>
    <message>
        <source>Still &amp;down</source>
        <translation>仍在停机(&amp;D)</translation>
    </message>
    <message>
        <source>The breakdown&apos;s downtime ends when the asset is set back in service, at that moment; until then it counts as down</source>
        <translation>设备恢复“在用”时，本次故障的停机即在那一刻结束；在此之前一直计为停机</translation>
    </message>
    <message>
        <source>A check failed or it broke down: put the asset under repair</source>
        <translation>检查不合格或发生故障：将设备设为维修中</translation>
    </message>
    <message>
        <source>and open a repair &amp;work order for it</source>
        <translation>并为其开立维修工单(&amp;W)</translation>
    </message>
    <message>
        <source>At the counter of the asset&apos;s outlet, for its owner: the customer whose equipment it is, or the outlet itself</source>
        <translation>在设备所属网点的柜台开单，客户为设备的所有者：设备所属的客户，或网点本身</translation>
    </message>
    <message>
        <source>Fault for the repair order</source>
        <translation>维修工单的故障描述</translation>
    </message>
    <message>
        <source>(it is under repair already)</source>
        <translation>（设备已在维修中）</translation>
    </message>
    <message>
        <source>(it is out of service already)</source>
        <translation>（设备已停用）</translation>
    </message>
    <message>
        <source>A repair work order opened for it puts it under repair</source>
        <translation>为其开立维修工单会将其设为维修中</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <source>Meter readings</source>
        <translation>计量表读数</translation>
    </message>
    <message>
        <source>last {value}</source>
        <translation>上次 {value}</translation>
    </message>
    <message>
        <source>Parts used (from this outlet&apos;s store)</source>
        <translation>使用的备件（从本网点库房出库）</translation>
    </message>
    <message>
        <source>Add a p&amp;art…</source>
        <translation>添加备件(&amp;A)…</translation>
    </message>
    <message>
        <source>Another part taken from this outlet&apos;s store</source>
        <translation>从本网点库房领用的其他备件</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>计划(&amp;P)</translation>
    </message>
    <message>
        <source>Failure &amp;cause</source>
        <translation>故障原因(&amp;C)</translation>
    </message>
    <message>
        <source>Co&amp;mponent</source>
        <translation>部件(&amp;M)</translation>
    </message>
    <message>
        <source>Done &amp;at</source>
        <translation>完成时间(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Time spent (minutes)</source>
        <translation>用时（分钟）(&amp;T)</translation>
    </message>
    <message>
        <source>Downtime</source>
        <translation>停机时间</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>It was {down}, from a status change until it was back in service; this breakdown fills that downtime in, as one failure: set when it really went down if that was earlier, and when it really worked again.</source>
        <translation>该设备曾{down}，从更改状态起到恢复在用为止；本次登记的故障将补全这段停机，只算一次故障：如实际停机时间更早，请填写实际开始时间，并填写实际修好的时间。</translation>
    </message>
    <message>
        <source>It has been {down}, since its status was changed; this breakdown fills that downtime in, as one failure: set when it really went down if that was earlier, and its end once it works again.</source>
        <translation>该设备{down}，是更改状态时开始计的停机；本次登记的故障将补全这段停机，只算一次故障：如实际停机时间更早，请填写实际开始时间；修好后再填写结束时间。</translation>
    </message>
    <message>
        <source>It has been {down}; a failure found meanwhile has no downtime of its own. An earlier breakdown logged late has its own, ending by then.</source>
        <translation>该设备{down}；期间发现的故障不再单独记录停机时间。补录的更早故障可填写自己的停机时间，但须在此之前结束。</translation>
    </message>
    <message>
        <source>It has been {down}; that downtime ends when it is back in service.</source>
        <translation>该设备{down}；设备恢复使用时，这段停机随之结束。</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the failed checks of a fault</comment>
        <translation>；</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>not ok</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>&amp;Add part</source>
        <translation>添加备件(&amp;A)</translation>
    </message>
</context>
<context>
    <name>LogFilterDialog</name>
    <message>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>到(&amp;T)</translation>
    </message>
    <message>
        <source>All outlets</source>
        <translation>所有网点</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>&amp;Outlet</source>
        <translation>网点(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in to OutletDesk</source>
        <translation>登录 OutletDesk</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Outlet</source>
        <translation>网点(&amp;O)</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>OutletDesk – {outlet}</source>
        <translation>OutletDesk – {outlet}</translation>
    </message>
    <message>
        <source>Counter / Work orders</source>
        <translation>前台 / 维修工单</translation>
    </message>
    <message>
        <source>Parts &amp; stock</source>
        <translation>备件与库存</translation>
    </message>
    <message>
        <source>Equipment &amp; maintenance</source>
        <translation>设备与维护</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Service KPIs, satisfaction and stock reports. The customer list can already be exported from the Customers page.</source>
        <translation>服务质量指标、满意度和库存报表。客户列表现已可在“客户”页面导出。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Database: {where}</source>
        <translation>数据库：{where}</translation>
    </message>
    <message>
        <source>Outlet: {outlet}</source>
        <translation>网点：{outlet}</translation>
    </message>
    <message>
        <source>User: {name} ({role})</source>
        <translation>用户：{name}（{role}）</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
</context>
<context>
    <name>MaintenanceLogDialog</name>
    <message>
        <source>Export the maintenance log</source>
        <translation>导出维护保养记录</translation>
    </message>
    <message>
        <source>all assets; or type or scan an asset tag</source>
        <translation>全部设备；或输入、扫描资产编号</translation>
    </message>
    <message>
        <source>only {code}</source>
        <translation>仅 {code}</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>所有类别</translation>
    </message>
    <message>
        <source>&amp;Asset</source>
        <translation>设备(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <source>No asset has the tag {tag}.</source>
        <translation>没有编号为 {tag} 的设备。</translation>
    </message>
</context>
<context>
    <name>MeterDialog</name>
    <message>
        <source>Add meter – {tag}</source>
        <translation>添加计量表 – {tag}</translation>
    </message>
    <message>
        <source>Operating hours</source>
        <translation>运行小时</translation>
    </message>
    <message>
        <source>h</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>&amp;Meter</source>
        <translation>计量表(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>单位(&amp;U)</translation>
    </message>
</context>
<context>
    <name>MovementLogDialog</name>
    <message>
        <source>Export the movement log</source>
        <translation>导出库存流水</translation>
    </message>
    <message>
        <source>all parts; or type a SKU or scan a barcode</source>
        <translation>全部备件；或输入货号、扫描条码</translation>
    </message>
    <message>
        <source>All movements</source>
        <translation>全部变动</translation>
    </message>
    <message>
        <source>only {code}</source>
        <translation>仅 {code}</translation>
    </message>
    <message>
        <source>&amp;Part</source>
        <translation>备件(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>变动类型(&amp;K)</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <source>Overdue: the goods should have arrived by now.</source>
        <translation>已逾期：货物本应已到。</translation>
    </message>
</context>
<context>
    <name>OutletDialog</name>
    <message>
        <source>Add outlet</source>
        <translation>添加网点</translation>
    </message>
</context>
<context>
    <name>OutletForm</name>
    <message>
        <source>&amp;Code:</source>
        <translation>代码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>地址(&amp;D)：</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>电话(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Tax number:</source>
        <translation>税号(&amp;T)：</translation>
    </message>
    <message>
        <source>Printed on receipts</source>
        <translation>打印在小票上</translation>
    </message>
</context>
<context>
    <name>OutletTab</name>
    <message>
        <source>This outlet</source>
        <translation>本网点</translation>
    </message>
    <message>
        <source>&amp;Save outlet details</source>
        <translation>保存网点信息(&amp;S)</translation>
    </message>
    <message>
        <source>Only an administrator or outlet manager can change outlet details.</source>
        <translation>只有系统管理员或网点经理可以修改网点信息。</translation>
    </message>
    <message>
        <source>All outlets</source>
        <translation>所有网点</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>&amp;Add outlet…</source>
        <translation>添加网点(&amp;A)…</translation>
    </message>
    <message>
        <source>{name} (closed)</source>
        <translation>{name}（已停用）</translation>
    </message>
    <message>
        <source>You are not signed in at an outlet.</source>
        <translation>您当前未在任何网点登录。</translation>
    </message>
    <message>
        <source>These details are printed at the top of every receipt.</source>
        <translation>这些信息会打印在每张小票的顶部。</translation>
    </message>
    <message>
        <source>Only an administrator or outlet manager can change them.</source>
        <translation>只有系统管理员或网点经理可以修改。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>PartDialog</name>
    <message>
        <source>New part</source>
        <translation>新建备件</translation>
    </message>
    <message>
        <source>Edit part – {sku}</source>
        <translation>编辑备件 – {sku}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>scan or type; several separated by ;</source>
        <translation>扫码或输入；多个用 ; 分隔</translation>
    </message>
    <message>
        <source>iPhone 12; iPhone 12 Pro</source>
        <translation>iPhone 12; iPhone 12 Pro</translation>
    </message>
    <message>
        <source>&amp;SKU</source>
        <translation>货号(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <source>C&amp;ost price</source>
        <translation>成本价(&amp;O)</translation>
    </message>
    <message>
        <source>Sa&amp;le price</source>
        <translation>售价(&amp;L)</translation>
    </message>
    <message>
        <source>Su&amp;pplier</source>
        <translation>供应商(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Barcodes</source>
        <translation>条码(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Fits models</source>
        <translation>适用机型(&amp;F)</translation>
    </message>
</context>
<context>
    <name>PartLabelsDialog</name>
    <message>
        <source>Print part labels</source>
        <translation>打印备件标签</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>本网点</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>&amp;One of each</source>
        <translation>每种一张(&amp;O)</translation>
    </message>
    <message>
        <source>One per &amp;unit on hand</source>
        <translation>按库存数量每件一张(&amp;U)</translation>
    </message>
    <message>
        <source>As many labels of each part as this outlet holds (at least one).</source>
        <translation>每种备件按本网点库存数量打印标签（至少一张）。</translation>
    </message>
    <message>
        <source>Show the sale &amp;price</source>
        <translation>显示售价(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Label stock</source>
        <translation>标签纸(&amp;L)</translation>
    </message>
    <message numerus="yes">
        <source>%n labels</source>
        <translation>
            <numerusform>共 %n 张标签</numerusform>
        </translation>
    </message>
    <message>
        <source>Labels {sku}</source>
        <translation>标签 {sku}</translation>
    </message>
    <message>
        <source>Part labels</source>
        <translation>备件标签</translation>
    </message>
</context>
<context>
    <name>PartPickerDialog</name>
    <message>
        <source>Add a part from stock</source>
        <translation>从库存添加备件</translation>
    </message>
    <message>
        <source>SKU, name, barcode (scan) or device model</source>
        <translation>货号、名称、条码（扫码）或机型</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>本网点</translation>
    </message>
    <message>
        <source>All outlets</source>
        <translation>所有网点</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>&amp;Add line</source>
        <translation>添加明细(&amp;A)</translation>
    </message>
    <message>
        <source>Part &amp;not in the catalogue</source>
        <translation>目录外备件(&amp;N)</translation>
    </message>
    <message>
        <source>Take &amp;from:</source>
        <translation>领取位置(&amp;F)：</translation>
    </message>
    <message>
        <source>No part in the catalogue matches.</source>
        <translation>目录中没有匹配的备件。</translation>
    </message>
    <message>
        <source>Main store</source>
        <translation>主仓库</translation>
    </message>
    <message>
        <source>({held} held for orders awaiting parts)</source>
        <translation>（{held} 件为等待备件的工单预留）</translation>
    </message>
    <message>
        <source>{sku} free to take: {places}</source>
        <translation>{sku} 可用：{places}</translation>
    </message>
    <message>
        <source>{location}: {free} free</source>
        <translation>{location}：可用 {free}</translation>
    </message>
    <message>
        <source>{location} has no {sku} free: it is taken from the main store.</source>
        <translation>{location}没有可用的 {sku}：改从主仓库领取。</translation>
    </message>
    <message>
        <source>None free in the main store: save the line and let the order wait for parts, or take it from {locations}.</source>
        <translation>主仓库无可用库存：保存明细并让工单等待备件，或从{locations}领取。</translation>
    </message>
    <message>
        <source>None free at this outlet: save the line and let the order wait for parts, or transfer stock here first.</source>
        <translation>本网点无可用库存：保存明细并让工单等待备件，或先调拨库存到本网点。</translation>
    </message>
    <message>
        <source>None free at this outlet: receive or transfer stock here first.</source>
        <translation>本网点无可用库存：请先入库或调拨库存到本网点。</translation>
    </message>
</context>
<context>
    <name>PartsExports</name>
    <message>
        <source>&amp;Catalogue…</source>
        <translation>备件目录(&amp;C)…</translation>
    </message>
    <message>
        <source>Every part in the columns the import reads, with this outlet&apos;s shelf levels</source>
        <translation>全部备件，列格式与导入相同，含本网点的货位和库存水平</translation>
    </message>
    <message>
        <source>&amp;Stock levels…</source>
        <translation>库存状况(&amp;S)…</translation>
    </message>
    <message>
        <source>What is on the shelf at every outlet</source>
        <translation>各网点的在库数量</translation>
    </message>
    <message>
        <source>&amp;Movement log…</source>
        <translation>库存流水(&amp;M)…</translation>
    </message>
    <message>
        <source>Every stock movement of a period, outlet, part or kind</source>
        <translation>按期间、网点、备件或类型筛选的全部库存变动</translation>
    </message>
    <message>
        <source>&amp;Low stock…</source>
        <translation>库存不足(&amp;L)…</translation>
    </message>
    <message>
        <source>This outlet&apos;s reorder list with suggested quantities</source>
        <translation>本网点的补货清单及建议数量</translation>
    </message>
    <message>
        <source>Stock &amp;value…</source>
        <translation>库存金额(&amp;V)…</translation>
    </message>
    <message>
        <source>Stock at average cost, by outlet and by part</source>
        <translation>按平均成本计算的库存金额，分网点和分备件</translation>
    </message>
    <message>
        <source>Export the parts catalogue</source>
        <translation>导出备件目录</translation>
    </message>
    <message numerus="yes">
        <source>%n parts written to {path}</source>
        <translation>
            <numerusform>已将 %n 个备件写入 {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stock rows written to {path}</source>
        <translation>
            <numerusform>已将 %n 行库存写入 {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stock movements written to {path}</source>
        <translation>
            <numerusform>已将 %n 条库存流水写入 {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n parts to reorder written to {path}</source>
        <translation>
            <numerusform>已将 %n 个待补货备件写入 {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stock value of %n parts written to {path}</source>
        <translation>
            <numerusform>已将 %n 个备件的库存金额写入 {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting the catalogue…</source>
        <translation>正在导出备件目录…</translation>
    </message>
    <message>
        <source>Export stock levels</source>
        <translation>导出库存状况</translation>
    </message>
    <message>
        <source>Exporting stock levels…</source>
        <translation>正在导出库存状况…</translation>
    </message>
    <message>
        <source>Export the movement log</source>
        <translation>导出库存流水</translation>
    </message>
    <message>
        <source>Exporting stock movements…</source>
        <translation>正在导出库存流水…</translation>
    </message>
    <message>
        <source>Export the low-stock list</source>
        <translation>导出库存不足清单</translation>
    </message>
    <message>
        <source>Exporting the low-stock list…</source>
        <translation>正在导出库存不足清单…</translation>
    </message>
    <message>
        <source>Export stock value</source>
        <translation>导出库存金额</translation>
    </message>
    <message>
        <source>Exporting stock value…</source>
        <translation>正在导出库存金额…</translation>
    </message>
</context>
<context>
    <name>PartsKitEditor</name>
    <message>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>备件</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Add &amp;part…</source>
        <translation>添加备件(&amp;P)…</translation>
    </message>
    <message>
        <source>Pick a part from the catalogue (Insert)</source>
        <translation>从备件目录中选择（Insert 键）</translation>
    </message>
    <message>
        <source>Remove pa&amp;rt</source>
        <translation>移除备件(&amp;R)</translation>
    </message>
    <message>
        <source>Delete the selected part (Delete)</source>
        <translation>移除所选备件（Delete 键）</translation>
    </message>
</context>
<context>
    <name>PartsPage</name>
    <message>
        <source>Only a manager or an admin may change stock or the catalogue.</source>
        <translation>只有经理或管理员可以修改库存或备件目录。</translation>
    </message>
    <message>
        <source>Search by SKU, name, barcode or the model it fits (Ctrl+F)</source>
        <translation>按货号、名称、条码或适用机型搜索（Ctrl+F）</translation>
    </message>
    <message>
        <source>Whose shelf the numbers and actions are for</source>
        <translation>数量和操作所针对的网点</translation>
    </message>
    <message>
        <source>Which of the outlet&apos;s locations: its main store, a van or a second room</source>
        <translation>网点的哪个库位：主仓库、服务车或第二库房</translation>
    </message>
    <message>
        <source>Locati&amp;ons…</source>
        <translation>库位(&amp;O)…</translation>
    </message>
    <message>
        <source>Add a van or a second store room</source>
        <translation>添加服务车或第二库房</translation>
    </message>
    <message>
        <source>&amp;New part…</source>
        <translation>新建备件(&amp;N)…</translation>
    </message>
    <message>
        <source>I&amp;mport…</source>
        <translation>导入(&amp;M)…</translation>
    </message>
    <message>
        <source>Load parts from a supplier&apos;s spreadsheet</source>
        <translation>从供应商的表格导入备件</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Labels…</source>
        <translation>标签(&amp;L)…</translation>
    </message>
    <message>
        <source>Print bin labels for the selected parts (Ctrl or Shift + click selects several)</source>
        <translation>为选中的备件打印货位标签（按住 Ctrl 或 Shift 点击可多选）</translation>
    </message>
    <message>
        <source>S&amp;uppliers…</source>
        <translation>供应商(&amp;U)…</translation>
    </message>
    <message>
        <source>Retire part</source>
        <translation>停用备件</translation>
    </message>
    <message>
        <source>Show retired parts</source>
        <translation>显示已停用备件</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>货位</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>本网点</translation>
    </message>
    <message>
        <source>All outlets</source>
        <translation>所有网点</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <source>Sale price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Receive…</source>
        <translation>入库(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Adjust…</source>
        <translation>调整(&amp;A)…</translation>
    </message>
    <message>
        <source>Scra&amp;p…</source>
        <translation>报废(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Move…</source>
        <translation>移库(&amp;M)…</translation>
    </message>
    <message>
        <source>Between this outlet&apos;s locations: main store, van, second room</source>
        <translation>在本网点各库位之间：主仓库、服务车、第二库房</translation>
    </message>
    <message>
        <source>&amp;Transfer…</source>
        <translation>调拨(&amp;T)…</translation>
    </message>
    <message>
        <source>Shelf &amp;&amp; &amp;reorder…</source>
        <translation>货位与补货(&amp;R)…</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <source>On order</source>
        <translation>已订购</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>For waiting repairs</source>
        <translation>待修工单需用</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>建议订购</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>&amp;Draft purchase order…</source>
        <translation>生成采购单(&amp;D)…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发出</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来自</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>发出人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Book &amp;in the selected transfer</source>
        <translation>签收所选调拨(&amp;I)</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>备件目录</translation>
    </message>
    <message>
        <source>Low stock</source>
        <translation>库存不足</translation>
    </message>
    <message>
        <source>Transfers to book in</source>
        <translation>待签收调拨</translation>
    </message>
    <message>
        <source>Purchase orders</source>
        <translation>采购单</translation>
    </message>
    <message>
        <source>Parts &amp; stock</source>
        <translation>备件与库存</translation>
    </message>
    <message>
        <source>Select a part to see its stock and movements.</source>
        <translation>选择一个备件以查看其库存和出入库记录。</translation>
    </message>
    <message>
        <source>Main store</source>
        <translation>主仓库</translation>
    </message>
    <message>
        <source>Showing the first {count} parts; type more to narrow the search.</source>
        <translation>显示前 {count} 个备件；请输入更多内容以缩小范围。</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Cost price</source>
        <translation>成本价</translation>
    </message>
    <message>
        <source>Barcodes</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Fits models</source>
        <translation>适用机型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>No longer stocked</source>
        <translation>已停止备货</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>Avg cost</source>
        <translation>平均成本</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Total value: {value}</source>
        <translation>总金额：{value}</translation>
    </message>
    <message>
        <source>Never stocked.</source>
        <translation>从未有库存。</translation>
    </message>
    <message>
        <source>Latest movements</source>
        <translation>最近出入库</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>结存</translation>
    </message>
    <message>
        <source>Who, why</source>
        <translation>经手人、原因</translation>
    </message>
    <message>
        <source>No movements yet.</source>
        <translation>尚无出入库记录。</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>To repair</source>
        <translation>领用维修</translation>
    </message>
    <message>
        <source>Back from repair</source>
        <translation>维修退回</translation>
    </message>
    <message>
        <source>Adjusted</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>调入</translation>
    </message>
    <message>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message numerus="yes">
        <source>%n parts</source>
        <translation>
            <numerusform>共 %n 个备件</numerusform>
        </translation>
    </message>
    <message>
        <source>Scrapped</source>
        <translation>报废</translation>
    </message>
    <message>
        <source>Stock a&amp;gain</source>
        <translation>重新启用(&amp;G)</translation>
    </message>
    <message>
        <source>Back in the pick lists</source>
        <translation>重新出现在选择列表中</translation>
    </message>
    <message>
        <source>Off the pick lists; its stock history stays</source>
        <translation>从选择列表中移除；库存记录保留</translation>
    </message>
    <message>
        <source>Low stock ({count})</source>
        <translation>库存不足（{count}）</translation>
    </message>
    <message>
        <source>Parts whose stock here, with what is on order and in transit, less what repairs awaiting parts need, is below the minimum; &apos;Order&apos; is the suggested quantity.</source>
        <translation>本网点库存加已订购和在途数量，减去等待备件的维修所需，低于最低库存的备件；“建议订购”为建议数量。</translation>
    </message>
    <message>
        <source>Nothing is below its minimum level at this outlet.</source>
        <translation>本网点没有低于最低库存的备件。</translation>
    </message>
    <message>
        <source>Transfers to book in ({count})</source>
        <translation>待签收调拨（{count}）</translation>
    </message>
    <message>
        <source>Parts sent to this outlet; book them in when they arrive.</source>
        <translation>发往本网点的备件；到货后请签收入库。</translation>
    </message>
    <message>
        <source>No parts are on their way to this outlet.</source>
        <translation>没有发往本网点的在途备件。</translation>
    </message>
    <message>
        <source>Booked in. Repairs waiting for this part can now continue: {orders}</source>
        <translation>已入库。等待此备件的维修现在可以继续：{orders}</translation>
    </message>
    <message>
        <source>{name} (retired)</source>
        <translation>{name}（已停用）</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Reset password for {name}</source>
        <translation>重置 {name} 的密码</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>新密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Rep&amp;eat password:</source>
        <translation>再次输入密码(&amp;E)：</translation>
    </message>
    <message>
        <source>The two passwords differ; type the same password twice.</source>
        <translation>两次输入的密码不一致，请输入相同的密码。</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Take payment – {number}</source>
        <translation>收款 – {number}</translation>
    </message>
    <message>
        <source>Total {total}, paid {paid}, balance due {balance}.</source>
        <translation>合计 {total}，已付 {paid}，应付余额 {balance}。</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>方式(&amp;M)</translation>
    </message>
    <message>
        <source>Change: {change}</source>
        <translation>找零：{change}</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>New maintenance plan</source>
        <translation>新建保养计划</translation>
    </message>
    <message>
        <source>Maintenance plan – {name}</source>
        <translation>保养计划 – {name}</translation>
    </message>
    <message>
        <source>Edit maintenance plan – {name}</source>
        <translation>编辑保养计划 – {name}</translation>
    </message>
    <message>
        <source>e.g. Monthly safety check</source>
        <translation>如：月度安全检查</translation>
    </message>
    <message>
        <source>One a&amp;sset, tag</source>
        <translation>单台设备，编号(&amp;S)</translation>
    </message>
    <message>
        <source>Every asset in the cate&amp;gory</source>
        <translation>该类别的全部设备(&amp;G)</translation>
    </message>
    <message>
        <source>EQ-N-000001 (type or scan)</source>
        <translation>EQ-N-000001（输入或扫码）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>周</translation>
    </message>
    <message>
        <source>months</source>
        <translation>个月</translation>
    </message>
    <message>
        <source>years</source>
        <translation>年</translation>
    </message>
    <message>
        <source>every</source>
        <translation>每</translation>
    </message>
    <message>
        <source>meter, e.g. Operating hours</source>
        <translation>计量表，如 运行小时</translation>
    </message>
    <message>
        <source>A time rule, a meter rule or both: whichever comes first.</source>
        <translation>可设时间周期、计量周期或两者兼有：以先到者为准。</translation>
    </message>
    <message>
        <source>the schedule (early or late work does not move it)</source>
        <translation>计划日期（提前或延后完成不影响）</translation>
    </message>
    <message>
        <source>the day the work was done</source>
        <translation>实际完成日期</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无人）</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>适用对象</translation>
    </message>
    <message>
        <source>&amp;Time rule</source>
        <translation>时间周期(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Meter rule</source>
        <translation>计量周期(&amp;M)</translation>
    </message>
    <message>
        <source>Next due counted &amp;from</source>
        <translation>下次到期计算起点(&amp;F)</translation>
    </message>
    <message>
        <source>First &amp;due on</source>
        <translation>首次到期日(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Lead time (days before due)</source>
        <translation>提前提醒（到期前天数）(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Estimated minutes</source>
        <translation>预计分钟数(&amp;E)</translation>
    </message>
    <message>
        <source>Assigned t&amp;o</source>
        <translation>负责人(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Instructions</source>
        <translation>作业说明(&amp;I)</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <source>Parts kit (parts normally used)</source>
        <translation>备件包（常用备件）</translation>
    </message>
    <message>
        <source>No asset has the tag {tag}.</source>
        <translation>没有编号为 {tag} 的设备。</translation>
    </message>
    <message>
        <source>Add a part to the kit</source>
        <translation>向备件包添加备件</translation>
    </message>
    <message>
        <source>&amp;Add to kit</source>
        <translation>加入备件包(&amp;A)</translation>
    </message>
</context>
<context>
    <name>PlansTab</name>
    <message>
        <source>Only the selected asset</source>
        <translation>仅所选设备</translation>
    </message>
    <message>
        <source>The plans of the asset selected on the Register tab, its category&apos;s too</source>
        <translation>设备台账中所选设备的计划，包括其类别的计划</translation>
    </message>
    <message>
        <source>Show inactive</source>
        <translation>显示已停用</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>适用对象</translation>
    </message>
    <message>
        <source>When due</source>
        <translation>到期规则</translation>
    </message>
    <message>
        <source>Counted from</source>
        <translation>计算起点</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <source>Kit</source>
        <translation>备件包</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>New &amp;plan…</source>
        <translation>新建计划(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Edit plan…</source>
        <translation>编辑计划(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;View plan…</source>
        <translation>查看计划(&amp;V)…</translation>
    </message>
    <message>
        <source>The plan with its checklist and kit, to read</source>
        <translation>查看计划及其检查表和备件包（只读）</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>A plan no longer followed leaves the due list; its records stay</source>
        <translation>停用的计划不再出现在到期清单中，其保养记录保留</translation>
    </message>
    <message>
        <source>Every asset in {category}</source>
        <translation>{category}类全部设备</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>every week</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>every month</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>every year</source>
        <translation>每年</translation>
    </message>
    <message>
        <source>every {n} days</source>
        <translation>每 {n} 天</translation>
    </message>
    <message>
        <source>every {n} weeks</source>
        <translation>每 {n} 周</translation>
    </message>
    <message>
        <source>every {n} months</source>
        <translation>每 {n} 个月</translation>
    </message>
    <message>
        <source>every {n} years</source>
        <translation>每 {n} 年</translation>
    </message>
    <message>
        <source>every {n} of {meter}</source>
        <translation>{meter}每 {n}</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first}或{second}</translation>
    </message>
    <message>
        <source>completion</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>计划日期</translation>
    </message>
    <message numerus="yes">
        <source>%n plans for {tag}</source>
        <translation>
            <numerusform>{tag} 共 %n 个计划</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n plans</source>
        <translation>
            <numerusform>共 %n 个计划</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>启用(&amp;A)</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>This document could not be shown.</source>
        <translation>无法显示此文档。</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print (Ctrl+P)</source>
        <translation>打印（Ctrl+P）</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Save as PDF (Ctrl+S)</source>
        <translation>另存为 PDF（Ctrl+S）</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>The printer {name} chosen in Settings was not found.</source>
        <translation>未找到在设置中选择的打印机 {name}。</translation>
    </message>
    <message>
        <source>Print {title}</source>
        <translation>打印 {title}</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Printing {title}…</source>
        <translation>正在打印 {title}…</translation>
    </message>
    <message>
        <source>Pages sent to the printer: {count}</source>
        <translation>已发送到打印机的页数：{count}</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Saving {path}…</source>
        <translation>正在保存 {path}…</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
    <message>
        <source>Could not finish: {detail}</source>
        <translation>未能完成：{detail}</translation>
    </message>
</context>
<context>
    <name>PrintingTab</name>
    <message>
        <source>These choices apply to this computer only.</source>
        <translation>这些选项仅适用于本机。</translation>
    </message>
    <message>
        <source>80 mm roll</source>
        <translation>80 毫米热敏纸卷</translation>
    </message>
    <message>
        <source>58 mm roll</source>
        <translation>58 毫米热敏纸卷</translation>
    </message>
    <message>
        <source>A4 sheet</source>
        <translation>A4 纸</translation>
    </message>
    <message>
        <source>&amp;Paper size for receipts:</source>
        <translation>小票纸张尺寸(&amp;P)：</translation>
    </message>
    <message>
        <source>(system default)</source>
        <translation>（系统默认）</translation>
    </message>
    <message>
        <source>{name} (not found)</source>
        <translation>{name}（未找到）</translation>
    </message>
    <message>
        <source>Default p&amp;rinter:</source>
        <translation>默认打印机(&amp;R)：</translation>
    </message>
    <message>
        <source>No printers are installed on this computer. Receipts can still be previewed and saved as PDF.</source>
        <translation>本机未安装打印机。小票仍可预览并另存为 PDF。</translation>
    </message>
</context>
<context>
    <name>PurchaseOrderDialog</name>
    <message>
        <source>New purchase order</source>
        <translation>新建采购单</translation>
    </message>
    <message>
        <source>Edit draft {number}</source>
        <translation>编辑草稿 {number}</translation>
    </message>
    <message>
        <source>Add a part: SKU, name, device model or scan its barcode, then Enter</source>
        <translation>添加备件：输入货号、名称、机型或扫条码，然后按回车</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Cost price</source>
        <translation>成本价</translation>
    </message>
    <message>
        <source>Usual supplier</source>
        <translation>常用供应商</translation>
    </message>
    <message>
        <source>&amp;Add to order</source>
        <translation>加入采购单(&amp;A)</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Re&amp;move line</source>
        <translation>删除此行(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Supplier</source>
        <translation>供应商(&amp;S)</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Order lines (type over a quantity or a unit cost to change it)</source>
        <translation>采购明细（直接改写数量或单价即可修改）</translation>
    </message>
    <message>
        <source>There is no supplier yet: add one before ordering.</source>
        <translation>还没有供应商：请先添加供应商再下采购单。</translation>
    </message>
    <message>
        <source>No part matches {text}.</source>
        <translation>没有与 {text} 匹配的备件。</translation>
    </message>
    <message numerus="yes">
        <source>%n parts match; Enter or double-click adds one.</source>
        <translation>
            <numerusform>匹配 %n 种备件；按回车或双击添加。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lines, total {total}</source>
        <translation>
            <numerusform>共 %n 行，合计 {total}</numerusform>
        </translation>
    </message>
    <message>
        <source>{sku} on the order: {quantity}</source>
        <translation>{sku} 采购数量：{quantity}</translation>
    </message>
    <message>
        <source>Choose the supplier to order from.</source>
        <translation>请选择供应商。</translation>
    </message>
</context>
<context>
    <name>PurchaseOrdersTab</name>
    <message>
        <source>Only a manager or an admin may order or receive stock.</source>
        <translation>只有店长或管理员可以采购或收货入库。</translation>
    </message>
    <message>
        <source>Open (drafts and awaiting delivery)</source>
        <translation>未完结（草稿和待到货）</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Awaiting delivery</source>
        <translation>待到货</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>All suppliers</source>
        <translation>全部供应商</translation>
    </message>
    <message>
        <source>New &amp;order…</source>
        <translation>新建采购单(&amp;O)…</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Order date</source>
        <translation>下单日期</translation>
    </message>
    <message>
        <source>Expected arrival</source>
        <translation>预计到货</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>未到</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>已订购</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>&amp;Edit draft…</source>
        <translation>编辑草稿(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Place order</source>
        <translation>下单(&amp;P)</translation>
    </message>
    <message>
        <source>Send it to the supplier: the parts count as on order from now on.</source>
        <translation>向供应商下单：从此这些备件计为在途订货。</translation>
    </message>
    <message>
        <source>&amp;Cancel order…</source>
        <translation>取消采购单(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Receive…</source>
        <translation>入库(&amp;R)…</translation>
    </message>
    <message>
        <source>Book in a delivery against this order, by scanning or by typed quantities.</source>
        <translation>按此采购单收货入库，可扫码或输入数量。</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Partly received</source>
        <translation>部分到货</translation>
    </message>
    <message numerus="yes">
        <source>%n orders</source>
        <translation>
            <numerusform>共 %n 张采购单</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} overdue</source>
        <translation>{count} 张逾期</translation>
    </message>
    <message>
        <source>Select an order to see its lines; New order… starts one.</source>
        <translation>选择一张采购单查看明细；点“新建采购单…”开始新建。</translation>
    </message>
    <message>
        <source>drafted {when} by {who}</source>
        <translation>{who} 于 {when} 起草</translation>
    </message>
    <message>
        <source>ordered {when} by {who}</source>
        <translation>{who} 于 {when} 下单</translation>
    </message>
    <message>
        <source>expected {day}</source>
        <translation>预计 {day} 到货</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>all received {when}</source>
        <translation>{when} 全部到货</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>备注：{note}</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未填写原因</translation>
    </message>
    <message>
        <source>Cancelled {when}: {reason}</source>
        <translation>{when} 已取消：{reason}</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReadingDialog</name>
    <message>
        <source>Meter reading – {tag}</source>
        <translation>计量表读数 – {tag}</translation>
    </message>
    <message>
        <source>&amp;Meter</source>
        <translation>计量表(&amp;M)</translation>
    </message>
    <message>
        <source>Last reading</source>
        <translation>最近读数</translation>
    </message>
    <message>
        <source>&amp;Reading</source>
        <translation>读数(&amp;R)</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
</context>
<context>
    <name>ReceiptTab</name>
    <message>
        <source>&amp;Header:</source>
        <translation>页眉(&amp;H)：</translation>
    </message>
    <message>
        <source>Printed under the outlet&apos;s details</source>
        <translation>打印在网点信息下方</translation>
    </message>
    <message>
        <source>&amp;Footer:</source>
        <translation>页脚(&amp;F)：</translation>
    </message>
    <message>
        <source>Printed at the very end</source>
        <translation>打印在最末尾</translation>
    </message>
    <message>
        <source>&amp;Terms:</source>
        <translation>条款(&amp;T)：</translation>
    </message>
    <message>
        <source>Terms and conditions the customer signs</source>
        <translation>客户签字确认的条款与条件</translation>
    </message>
    <message>
        <source>&amp;Save receipt texts</source>
        <translation>保存小票文字(&amp;S)</translation>
    </message>
    <message>
        <source>Only an administrator or outlet manager can change receipt texts.</source>
        <translation>只有系统管理员或网点经理可以修改小票文字。</translation>
    </message>
    <message>
        <source>Pre&amp;view test receipt</source>
        <translation>预览测试小票(&amp;V)</translation>
    </message>
    <message>
        <source>Shows the saved texts on this seat&apos;s paper size (see Printing)</source>
        <translation>按本机的纸张尺寸显示已保存的文字（见“打印”）</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Sign in at an outlet to print its test receipt.</source>
        <translation>请在某个网点登录后打印其测试小票。</translation>
    </message>
    <message>
        <source>The preview shows the saved texts; save to see your changes.</source>
        <translation>预览显示的是已保存的文字；保存后才能看到您的修改。</translation>
    </message>
    <message>
        <source>Preparing the test receipt…</source>
        <translation>正在准备测试小票…</translation>
    </message>
    <message>
        <source>Test receipt</source>
        <translation>测试小票</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>Receive goods – {number}</source>
        <translation>收货入库 – {number}</translation>
    </message>
    <message>
        <source>Scan a barcode or type a SKU, then Enter: one unit is booked in</source>
        <translation>扫条码或输入货号后按回车：每次入库一件</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>已订购</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>未到</translation>
    </message>
    <message>
        <source>Arrived now</source>
        <translation>本次到货</translation>
    </message>
    <message>
        <source>delivery note or invoice number</source>
        <translation>送货单号或发票号</translation>
    </message>
    <message>
        <source>&amp;Book in typed quantities</source>
        <translation>按输入数量入库(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation>扫码(&amp;S)</translation>
    </message>
    <message>
        <source>Delivery &amp;note</source>
        <translation>送货单(&amp;N)</translation>
    </message>
    <message>
        <source>Or type how many arrived in the last column and book them in together (the delivery note goes with them).</source>
        <translation>也可以在最后一列填写到货数量，一次性入库（送货单号一并记录）。</translation>
    </message>
    <message numerus="yes">
        <source>{number} from {supplier}, expected {day}: %n units still to come.</source>
        <translation>
            <numerusform>{number}，供应商 {supplier}，预计 {day} 到货：还有 %n 件未到。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Booked in %n units on {lines}.</source>
        <translation>
            <numerusform>已入库 %n 件，共 {lines}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lines</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repairs waiting for these parts can now continue: {numbers}.</source>
        <translation>
            <numerusform>有 %n 张等待这些备件的维修工单现在可以继续：{numbers}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repairs waiting for these parts are still short of parts.</source>
        <translation>
            <numerusform>另有 %n 张等待这些备件的维修工单仍缺件。</numerusform>
        </translation>
    </message>
    <message>
        <source>1 × {sku} booked in: {received} of {ordered} received, {outstanding} to come.</source>
        <translation>{sku} 入库 1 件：已到 {received}/{ordered}，还差 {outstanding} 件。</translation>
    </message>
    <message>
        <source>Everything on {number} has arrived.</source>
        <translation>{number} 已全部到货。</translation>
    </message>
    <message>
        <source>No repair is waiting for the parts booked in.</source>
        <translation>没有维修单在等待本次入库的备件。</translation>
    </message>
    <message>
        <source>Scan {code}: {problem}</source>
        <translation>扫码 {code}：{problem}</translation>
    </message>
</context>
<context>
    <name>RefundDecisionDialog</name>
    <message>
        <source>Approve refund – {number}</source>
        <translation>批准退款 – {number}</translation>
    </message>
    <message>
        <source>Decline refund – {number}</source>
        <translation>拒绝退款 – {number}</translation>
    </message>
    <message>
        <source>{amount} by {method}, asked for by {who} on {when}: {reason}</source>
        <translation>{amount}（{method}），由 {who} 于 {when} 申请：{reason}</translation>
    </message>
    <message>
        <source>&amp;Note for the customer (optional)</source>
        <translation>给客户的备注（可选）(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Reason for the customer</source>
        <translation>告知客户的原因(&amp;R)</translation>
    </message>
</context>
<context>
    <name>RefundRequestDialog</name>
    <message>
        <source>Request a refund – {number}</source>
        <translation>申请退款 – {number}</translation>
    </message>
    <message>
        <source>Paid {paid}; up to {refundable} can be asked for. A manager reviews the request within {days} working days; the customer is told the answer.</source>
        <translation>已付 {paid}；最多可申请 {refundable}。经理将在 {days} 个工作日内审核，审核结果会告知客户。</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>方式(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
</context>
<context>
    <name>RefundsAwaitingDialog</name>
    <message>
        <source>Refunds awaiting review</source>
        <translation>待审核的退款</translation>
    </message>
    <message>
        <source>Work order (outlet)</source>
        <translation>工单（网点）</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Review due</source>
        <translation>审核期限</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>&amp;Open order</source>
        <translation>打开工单(&amp;O)</translation>
    </message>
    <message>
        <source>Refund requests awaiting your review: {count} (overdue ones in red).</source>
        <translation>待您审核的退款申请：{count} 个（逾期的以红色显示）。</translation>
    </message>
    <message>
        <source>No refund request awaits review.</source>
        <translation>没有待审核的退款申请。</translation>
    </message>
</context>
<context>
    <name>RefundsPanel</name>
    <message>
        <source>Asked</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Re&amp;quest refund…</source>
        <translation>申请退款(&amp;Q)…</translation>
    </message>
    <message>
        <source>Appro&amp;ve…</source>
        <translation>批准(&amp;V)…</translation>
    </message>
    <message>
        <source>Decli&amp;ne…</source>
        <translation>拒绝(&amp;N)…</translation>
    </message>
    <message>
        <source>Refunds after hand-back</source>
        <translation>交付后退款</translation>
    </message>
    <message>
        <source>{status}, due {when}</source>
        <translation>{status}，期限 {when}</translation>
    </message>
    <message>
        <source>You asked for this refund; another manager must approve it.</source>
        <translation>这笔退款是您申请的，须由另一位经理批准。</translation>
    </message>
</context>
<context>
    <name>SamePhonePanel</name>
    <message>
        <source>Save &amp;anyway</source>
        <translation>仍然保存(&amp;A)</translation>
    </message>
    <message>
        <source>On file with the same number: {name} ({phones})</source>
        <translation>已有客户使用此号码：{name}（{phones}）</translation>
    </message>
    <message>
        <source>and {count} more.</source>
        <translation>另有 {count} 位。</translation>
    </message>
    <message>
        <source>Families often share a phone: save anyway if this is someone else, or open the customer on file.</source>
        <translation>家人常共用一个号码：如果是另一位客户，请点“仍然保存”；否则请打开已有客户。</translation>
    </message>
    <message>
        <source>Open {name}</source>
        <translation>打开 {name}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>维修工单</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
</context>
<context>
    <name>SpreadsheetImportDialog</name>
    <message>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <source>Which column holds what</source>
        <translation>各字段对应的列</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>检查(&amp;H)</translation>
    </message>
    <message>
        <source>Reads every row and reports what would change; nothing is written.</source>
        <translation>逐行读取并报告将要发生的变更；不写入任何数据。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Import &amp;all</source>
        <translation>全部导入(&amp;A)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Choose the spreadsheet to import</source>
        <translation>选择要导入的表格</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.csv);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.xlsm *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message numerus="yes">
        <source>Column titles found on row {row}; %n rows below it.</source>
        <translation>
            <numerusform>在第 {row} 行找到列标题，其下共 %n 行数据。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invalid rows were skipped; they are listed below.</source>
        <translation>
            <numerusform>已跳过 %n 行无效数据，详见下表。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows: {new} new, {updated} updated, {unchanged} unchanged, {invalid} invalid.</source>
        <translation>
            <numerusform>共 %n 行：新增 {new} 行，更新 {updated} 行，未变 {unchanged} 行，无效 {invalid} 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the columns marked * before checking.</source>
        <translation>检查前请先为标有 * 的字段选择列。</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>（文件中没有）</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Choose the column that holds {field}.</source>
        <translation>请选择包含“{field}”的列。</translation>
    </message>
    <message>
        <source>{first} and {second} cannot both come from column {column}.</source>
        <translation>“{first}”和“{second}”不能同时取自第 {column} 列。</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>正在检查 {name}…</translation>
    </message>
    <message>
        <source>Check cancelled.</source>
        <translation>检查已取消。</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>导入已取消，未导入任何数据。</translation>
    </message>
    <message>
        <source>Nothing was imported: the file no longer checks clean.</source>
        <translation>未导入任何数据：文件重新检查时发现问题。</translation>
    </message>
    <message>
        <source>Imported {file}: {new} new, {updated} updated, {unchanged} unchanged.</source>
        <translation>已导入 {file}：新增 {new} 个，更新 {updated} 个，未变 {unchanged} 个。</translation>
    </message>
    <message>
        <source>Fix the rows below in the file and check again, or skip them.</source>
        <translation>请在文件中修正下列行后重新检查，或跳过这些行。</translation>
    </message>
    <message>
        <source>Every row is valid.</source>
        <translation>所有行均有效。</translation>
    </message>
    <message>
        <source>Some rows are invalid: fix them, or import only the valid rows.</source>
        <translation>部分行无效：请修正，或只导入有效行。</translation>
    </message>
    <message>
        <source>Import &amp;valid rows only (skip {count})</source>
        <translation>只导入有效行(&amp;V)（跳过 {count} 行）</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>down since {since} ({number})</source>
        <translation>自 {since} 起停机（{number}）</translation>
    </message>
    <message>
        <source>down {hours} h since {since} ({number})</source>
        <translation>自 {since} 起停机 {hours} 小时（{number}）</translation>
    </message>
    <message>
        <source>Status – {tag}</source>
        <translation>状态 – {tag}</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source>Retired &amp;on</source>
        <translation>报废日期(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>{name}: now {status}.</source>
        <translation>{name}：当前为{status}。</translation>
    </message>
    <message>
        <source>Why it is retired (required)</source>
        <translation>报废原因（必填）</translation>
    </message>
    <message>
        <source>What is wrong with it (required)</source>
        <translation>设备出了什么问题（必填）</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>Downtime starts now: it counts from saving until it is back in service, with the reason as its cause. Logging the breakdown then fills this downtime in (its real start, cause and end): one failure, not two.</source>
        <translation>停机从现在开始计时：从保存起算，直到设备恢复使用；所填原因记为故障原因。之后登记该故障时会补全这段停机（实际开始时间、故障原因和结束时间），只算一次故障，不会重复计算。</translation>
    </message>
    <message>
        <source>It has been {down}; back in service, that downtime ends now. Its breakdown, logged afterwards, still fills this downtime in: one failure, not two.</source>
        <translation>该设备{down}；恢复在用后，这段停机即刻结束。之后再登记该故障，仍会补全这段停机，只算一次故障，不会重复计算。</translation>
    </message>
    <message>
        <source>It has been {down}; back in service, that downtime ends now.</source>
        <translation>该设备{down}；现在恢复使用，这段停机即告结束。</translation>
    </message>
    <message>
        <source>It has been {down}; that downtime ends when it is back in service.</source>
        <translation>该设备{down}；设备恢复使用时，这段停机随之结束。</translation>
    </message>
</context>
<context>
    <name>StockActionDialog</name>
    <message>
        <source>Receive stock</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>Adjust stock</source>
        <translation>库存调整</translation>
    </message>
    <message>
        <source>Scrap stock</source>
        <translation>报废</translation>
    </message>
    <message>
        <source>Move to another location</source>
        <translation>移到另一个库位</translation>
    </message>
    <message>
        <source>Transfer to another outlet</source>
        <translation>调拨到其他网点</translation>
    </message>
    <message>
        <source>Shelf and reorder levels</source>
        <translation>货位与补货设置</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Main store</source>
        <translation>主仓库</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>数量(&amp;Q)</translation>
    </message>
    <message>
        <source>Unit &amp;cost</source>
        <translation>单位成本(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Supplier</source>
        <translation>供应商(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Note (delivery note, invoice)</source>
        <translation>备注（送货单、发票）(&amp;N)</translation>
    </message>
    <message>
        <source>+3 found, -2 damaged</source>
        <translation>+3 找到，-2 损坏</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>变动数量(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;To location</source>
        <translation>移入库位(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;To outlet</source>
        <translation>调入网点(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Bin location</source>
        <translation>货位(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Minimum level (reorder point)</source>
        <translation>最低库存（补货点）(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Reorder quantity</source>
        <translation>补货数量(&amp;R)</translation>
    </message>
    <message>
        <source>1 to {free}</source>
        <translation>1 至 {free}</translation>
    </message>
    <message>
        <source>{outlet}: {on_hand} {unit} on hand</source>
        <translation>{outlet}：现有 {on_hand} {unit}</translation>
    </message>
    <message>
        <source>{outlet}: {on_hand} {unit} on hand, {held} held for orders awaiting parts ({orders}); {free} free</source>
        <translation>{outlet}：现有 {on_hand} {unit}，其中 {held} 已为待料工单预留（{orders}）；可用 {free}</translation>
    </message>
    <message>
        <source>There is no other outlet to send parts to.</source>
        <translation>没有其他网点可以调拨。</translation>
    </message>
    <message>
        <source>This outlet has no other location. Add a van or a second store room with Locations… first.</source>
        <translation>本网点没有其他库位。请先通过“库位…”添加服务车或第二库房。</translation>
    </message>
    <message>
        <source>Booked in. Repairs waiting for this part can now continue: {orders}</source>
        <translation>已入库。等待此备件的维修现在可以继续：{orders}</translation>
    </message>
</context>
<context>
    <name>StocktakeTab</name>
    <message>
        <source>Only a manager or an admin may start, post or cancel a count.</source>
        <translation>只有经理或管理员可以开始、过账或取消盘点。</translation>
    </message>
    <message>
        <source>all categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>all bins; A- counts aisle A only</source>
        <translation>全部货位；填 A- 则只盘 A 区</translation>
    </message>
    <message>
        <source>&amp;Start the count</source>
        <translation>开始盘点(&amp;S)</translation>
    </message>
    <message>
        <source>Start a count</source>
        <translation>开始盘点</translation>
    </message>
    <message>
        <source>Only &amp;category</source>
        <translation>仅限类别(&amp;C)</translation>
    </message>
    <message>
        <source>Only &amp;bins starting with</source>
        <translation>仅限货位开头为(&amp;B)</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Count no.</source>
        <translation>盘点单号</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Started by</source>
        <translation>发起人</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Lines counted</source>
        <translation>已盘行数</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>差异行数</translation>
    </message>
    <message>
        <source>Value difference</source>
        <translation>差异金额</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Past counts at this outlet</source>
        <translation>本网点的历史盘点</translation>
    </message>
    <message>
        <source>Scan a part to add one, or type SKU and quantity (SCR-IP12 5)</source>
        <translation>扫描备件条码计 1 件，或输入货号和数量（如 SCR-IP12 5）</translation>
    </message>
    <message>
        <source>A scan or a SKU alone adds one to that part&apos;s count. SKU and a number sets the count. With a line selected, a number alone sets that line and moves to the next.</source>
        <translation>扫码或只输入货号：该备件盘点数加 1。输入货号和数量：直接设为该数量。选中某行后只输入数字：设为该行数量并跳到下一行。</translation>
    </message>
    <message>
        <source>C&amp;ount</source>
        <translation>录入(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Blind count</source>
        <translation>盲盘(&amp;B)</translation>
    </message>
    <message>
        <source>Hide what the ledger expects and the differences while counting, so the shelf is counted rather than a number confirmed; the count sheet leaves them out too.</source>
        <translation>盘点时隐藏账面数量和差异，按实物清点而不是照着数字核对；盘点表也不打印账面数量。</translation>
    </message>
    <message>
        <source>&amp;Print count sheet…</source>
        <translation>打印盘点表(&amp;P)…</translation>
    </message>
    <message>
        <source>E&amp;xport count sheet…</source>
        <translation>导出盘点表(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Review and post…</source>
        <translation>核对并过账(&amp;R)…</translation>
    </message>
    <message>
        <source>Cance&amp;l count…</source>
        <translation>取消盘点(&amp;L)…</translation>
    </message>
    <message>
        <source>No count is open at {outlet}. Start one to count the shelf: the count takes what the ledger expects now, you enter what is there, and the differences are posted as corrections.</source>
        <translation>{outlet} 当前没有进行中的盘点。开始盘点时系统记下当前账面数量，您录入实际清点的数量，差异将作为盘点调整过账。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>已过账</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>{counted} of {lines}</source>
        <translation>{counted} / {lines}</translation>
    </message>
    <message>
        <source>Stocktake (counting)</source>
        <translation>盘点（进行中）</translation>
    </message>
    <message>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>category {value}</source>
        <translation>类别 {value}</translation>
    </message>
    <message>
        <source>bins {value}…</source>
        <translation>货位 {value}…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Count {number}&lt;/b&gt;, started {started} by {name}.</source>
        <translation>&lt;b&gt;盘点单 {number}&lt;/b&gt;，由 {name} 于 {started} 开始。</translation>
    </message>
    <message>
        <source>Only {what}.</source>
        <translation>仅限{what}。</translation>
    </message>
    <message numerus="yes">
        <source>{counted} of %n lines counted.</source>
        <translation>
            <numerusform>已盘 {counted} / %n 行。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Count sheet with %n lines written to {path}.</source>
        <translation>
            <numerusform>盘点表共 %n 行，已导出到 {path}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Differences so far: {count}.</source>
        <translation>目前差异 {count} 行。</translation>
    </message>
    <message>
        <source>{sku} {name}: counted {counted}.</source>
        <translation>{sku} {name}：实盘 {counted}。</translation>
    </message>
    <message>
        <source>{sku} {name}: counted {counted}, expected {expected} ({diff:+d}).</source>
        <translation>{sku} {name}：实盘 {counted}，账面 {expected}（{diff:+d}）。</translation>
    </message>
    <message>
        <source>{sku} {name}: counted {counted}, as expected.</source>
        <translation>{sku} {name}：实盘 {counted}，与账面一致。</translation>
    </message>
    <message>
        <source>Count sheet {number}</source>
        <translation>盘点表 {number}</translation>
    </message>
    <message>
        <source>Preparing the count sheet…</source>
        <translation>正在生成盘点表…</translation>
    </message>
    <message>
        <source>Exporting the count sheet…</source>
        <translation>正在导出盘点表…</translation>
    </message>
    <message>
        <source>Export the count sheet</source>
        <translation>导出盘点表</translation>
    </message>
</context>
<context>
    <name>SupplierDialog</name>
    <message>
        <source>New supplier</source>
        <translation>新建供应商</translation>
    </message>
    <message>
        <source>Edit supplier – {name}</source>
        <translation>编辑供应商 – {name}</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Contact person</source>
        <translation>联系人(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>电子邮件(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Lead time</source>
        <translation>供货周期(&amp;L)</translation>
    </message>
</context>
<context>
    <name>SuppliersDialog</name>
    <message>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Only a manager or an admin may change suppliers.</source>
        <translation>只有经理或管理员可以修改供应商。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Lead time (days)</source>
        <translation>供货周期（天）</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>新增(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>{name} (no longer used)</source>
        <translation>{name}（已停用）</translation>
    </message>
    <message numerus="yes">
        <source>%n suppliers</source>
        <translation>
            <numerusform>共 %n 个供应商</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>Edit user {name}</source>
        <translation>编辑用户 {name}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Ac&amp;tive (may sign in)</source>
        <translation>启用（可以登录）(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>全名(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Home outlet:</source>
        <translation>所属网点(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Rep&amp;eat password:</source>
        <translation>再次输入密码(&amp;E)：</translation>
    </message>
    <message>
        <source>The two passwords differ; type the same password twice.</source>
        <translation>两次输入的密码不一致，请输入相同的密码。</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>Only an administrator can manage users.</source>
        <translation>只有系统管理员可以管理用户。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>全名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>添加用户(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>重置密码(&amp;R)…</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Choose a user in the list first.</source>
        <translation>请先在列表中选择一个用户。</translation>
    </message>
</context>
<context>
    <name>WorkOrderActionDialog</name>
    <message>
        <source>{message} The order was reloaded; close this and try again.</source>
        <translation>{message} 工单已重新加载；请关闭此窗口后重试。</translation>
    </message>
</context>
<context>
    <name>WorkOrderDetail</name>
    <message>
        <source>Work order</source>
        <translation>维修工单</translation>
    </message>
    <message>
        <source>&amp;Job</source>
        <translation>工单(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Lines &amp;&amp; payments</source>
        <translation>明细与付款(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;History &amp;&amp; notes</source>
        <translation>历史与备注(&amp;H)</translation>
    </message>
    <message>
        <source>Note for the next step (optional)</source>
        <translation>下一步的备注（可选）</translation>
    </message>
    <message>
        <source>Hand &amp;back…</source>
        <translation>交付取件(&amp;B)…</translation>
    </message>
    <message>
        <source>Cancel &amp;job…</source>
        <translation>取消工单(&amp;J)…</translation>
    </message>
    <message>
        <source>Record &amp;follow-up…</source>
        <translation>记录回访(&amp;F)…</translation>
    </message>
    <message>
        <source>Print:</source>
        <translation>打印：</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Move to:</source>
        <translation>转到：</translation>
    </message>
    <message>
        <source>&amp;Assign…</source>
        <translation>指派(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Escalate…</source>
        <translation>升级(&amp;E)…</translation>
    </message>
    <message>
        <source>E&amp;xpedite</source>
        <translation>加急(&amp;X)</translation>
    </message>
    <message>
        <source>Urgent: every time limit is halved</source>
        <translation>加急：各项时限减半</translation>
    </message>
    <message>
        <source>Jud&amp;gement / warranty…</source>
        <translation>判断 / 保修(&amp;G)…</translation>
    </message>
    <message>
        <source>Technician:</source>
        <translation>技师：</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Take pa&amp;yment…</source>
        <translation>收款(&amp;Y)…</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>付款记录</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Write a note and press Enter</source>
        <translation>输入备注后按 Enter</translation>
    </message>
    <message>
        <source>&amp;Internal (not for the customer)</source>
        <translation>内部备注（不给客户看）(&amp;I)</translation>
    </message>
    <message>
        <source>Add &amp;note</source>
        <translation>添加备注(&amp;N)</translation>
    </message>
    <message>
        <source>Work order {number} – {customer}</source>
        <translation>维修工单 {number} – {customer}</translation>
    </message>
    <message>
        <source>(not assigned)</source>
        <translation>（未指派）</translation>
    </message>
    <message>
        <source>Received {when}</source>
        <translation>接收于 {when}</translation>
    </message>
    <message>
        <source>Promised {when}</source>
        <translation>承诺 {when} 完成</translation>
    </message>
    <message>
        <source>Waited {approval} h for approval, {parts} h for parts</source>
        <translation>等待客户确认 {approval} 小时，等待备件 {parts} 小时</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>NOT OK</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>IMEI</source>
        <translation>IMEI</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Purchase date</source>
        <translation>购买日期</translation>
    </message>
    <message>
        <source>Proof of purchase</source>
        <translation>购买凭证</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Reported fault</source>
        <translation>故障描述</translation>
    </message>
    <message>
        <source>Customer&apos;s demand</source>
        <translation>客户诉求</translation>
    </message>
    <message>
        <source>Condition on arrival</source>
        <translation>接收时外观状况</translation>
    </message>
    <message>
        <source>Accessories</source>
        <translation>随机附件</translation>
    </message>
    <message>
        <source>Judgement</source>
        <translation>初步判断</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>预估费用</translation>
    </message>
    <message>
        <source>Collected by</source>
        <translation>取件人</translation>
    </message>
    <message>
        <source>Repair warranty until</source>
        <translation>维修保修至</translation>
    </message>
    <message>
        <source>hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Passcode</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>(recorded; technicians only)</source>
        <translation>（已记录；仅技师可见）</translation>
    </message>
    <message>
        <source>due; calls that did not reach the customer: {count}</source>
        <translation>待回访；未联系到客户：{count} 次</translation>
    </message>
    <message>
        <source>attitude {a}, efficiency {e}, solved {s}, overall {o}</source>
        <translation>态度 {a}，效率 {e}，解决 {s}，总体 {o}</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>closed as not reachable; calls tried: {count}</source>
        <translation>以无法联系结束；共尝试 {count} 次</translation>
    </message>
    <message>
        <source>cash tendered {tendered}, change {change}</source>
        <translation>实收现金 {tendered}，找零 {change}</translation>
    </message>
    <message>
        <source>approved by {name}</source>
        <translation>批准人 {name}</translation>
    </message>
    <message>
        <source>The lines have changes that are not saved. Save them (Save lines on the Lines &amp; payments tab) or remove them before the next step.</source>
        <translation>明细有未保存的更改。请先保存（在“明细与付款”页点击“保存明细”）或删除，再进行下一步。</translation>
    </message>
    <message>
        <source>Someone else changed this order meanwhile, so your change was not saved. The order has been reloaded: check it and do the step again.</source>
        <translation>在此期间其他人修改了该工单，因此您的更改未保存。工单已重新加载：请检查后重新操作。</translation>
    </message>
</context>
<context>
    <name>WorkOrderListModel</name>
    <message>
        <source>Number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修技师</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>下一时限</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>WorkOrdersPage</name>
    <message>
        <source>Counter / Work orders</source>
        <translation>前台 / 维修工单</translation>
    </message>
    <message>
        <source>&amp;New intake (Ctrl+N)</source>
        <translation>新建接收(&amp;N)（Ctrl+N）</translation>
    </message>
    <message>
        <source>Number, phone, serial, IMEI, name or model (Ctrl+F)</source>
        <translation>工单号、电话、序列号、IMEI、姓名或型号（Ctrl+F）</translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation>未结工单</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All technicians</source>
        <translation>全部技师</translation>
    </message>
    <message>
        <source>&amp;Overdue</source>
        <translation>已超时(&amp;O)</translation>
    </message>
    <message>
        <source>Due &amp;today</source>
        <translation>今日到期(&amp;T)</translation>
    </message>
    <message>
        <source>from: any</source>
        <translation>起：不限</translation>
    </message>
    <message>
        <source>to: any</source>
        <translation>止：不限</translation>
    </message>
    <message>
        <source>All outlets</source>
        <translation>所有网点</translation>
    </message>
    <message>
        <source>This outlet</source>
        <translation>本网点</translation>
    </message>
    <message>
        <source>&amp;Refunds to review</source>
        <translation>待审核退款(&amp;R)</translation>
    </message>
    <message>
        <source>E&amp;xport to Excel…</source>
        <translation>导出到 Excel(&amp;X)…</translation>
    </message>
    <message>
        <source>Your role may not export data.</source>
        <translation>您的角色无权导出数据。</translation>
    </message>
    <message>
        <source>Show &amp;all statuses</source>
        <translation>显示全部状态(&amp;A)</translation>
    </message>
    <message>
        <source>Follow-up calls due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>Low satisfaction scores (≤ 2)</source>
        <translation>低满意度评分（≤ 2）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修技师</translation>
    </message>
    <message numerus="yes">
        <source>%n work orders</source>
        <translation>
            <numerusform>共 %n 张工单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{orders} · %n more in other statuses</source>
        <translation>
            <numerusform>{orders} · 其他状态中另有 %n 张</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n work orders written to {path}</source>
        <translation>
            <numerusform>已将 %n 张工单写入 {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>{number} · {name}
{device}</source>
        <translation>{number} · {name}
{device}</translation>
    </message>
    <message>
        <source>Parts arrived: continue the repair ({count})</source>
        <translation>备件已到，可继续维修（{count}）</translation>
    </message>
    <message>
        <source>&amp;Refunds to review ({count})</source>
        <translation>待审核退款（{count}）(&amp;R)</translation>
    </message>
    <message>
        <source>{number} · {name}
{phone} · call by {when}</source>
        <translation>{number} · {name}
{phone} · 请在 {when} 前回访</translation>
    </message>
    <message>
        <source>Follow-up calls due ({count})</source>
        <translation>待回访（{count}）</translation>
    </message>
    <message>
        <source>{number} · {name} · overall {score}</source>
        <translation>{number} · {name} · 总体 {score}</translation>
    </message>
    <message>
        <source>Exporting work orders…</source>
        <translation>正在导出工单…</translation>
    </message>
    <message>
        <source>Export work orders</source>
        <translation>导出工单</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
</context>
<context>
    <name>WorkOrdersTab</name>
    <message>
        <source>One device type per line: type, colon, manufacturer warranty in months</source>
        <translation>每行一种设备类型：类型、冒号、厂家保修月数</translation>
    </message>
    <message>
        <source>One item per line, checked at intake</source>
        <translation>每行一项，接收时检查</translation>
    </message>
    <message>
        <source>Every checklist item must be answered at intake</source>
        <translation>接收时必须填写检查清单的每一项</translation>
    </message>
    <message>
        <source>For this outlet. Urgent orders get half of each time limit.</source>
        <translation>适用于本网点。加急工单的各项时限减半。</translation>
    </message>
    <message>
        <source>&amp;Judgement within (hours):</source>
        <translation>初步判断时限（小时）(&amp;J)：</translation>
    </message>
    <message>
        <source>&amp;Repair within (hours):</source>
        <translation>维修完成时限（小时）(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Follow-up within (hours):</source>
        <translation>回访时限（小时）(&amp;F)：</translation>
    </message>
    <message>
        <source>Ta&amp;x rate (%):</source>
        <translation>税率（%）(&amp;X)：</translation>
    </message>
    <message>
        <source>Repair &amp;warranty (days):</source>
        <translation>维修保修期（天）(&amp;W)：</translation>
    </message>
    <message>
        <source>Refund review within (wor&amp;king days):</source>
        <translation>退款审核期限（工作日）(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Device types:</source>
        <translation>设备类型(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Condition checklist:</source>
        <translation>外观检查清单(&amp;C)：</translation>
    </message>
    <message>
        <source>Only an administrator or outlet manager can change them.</source>
        <translation>只有系统管理员或网点经理可以修改。</translation>
    </message>
    <message>
        <source>&amp;Save work order settings</source>
        <translation>保存工单设置(&amp;S)</translation>
    </message>
    <message>
        <source>Only an administrator or outlet manager can change these settings.</source>
        <translation>只有系统管理员或网点经理可以修改这些设置。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>_Tab</name>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>以后</translation>
    </message>
    <message>
        <source>{meter} {due} (now {now})</source>
        <translation>{meter} {due}（当前 {now}）</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Meter due</source>
        <translation>到期读数</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>see customers</source>
        <translation>查看客户</translation>
    </message>
    <message>
        <source>change customers</source>
        <translation>修改客户资料</translation>
    </message>
    <message>
        <source>export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <source>change settings</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>manage outlets</source>
        <translation>管理网点</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <source>back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>see the audit log</source>
        <translation>查看操作日志</translation>
    </message>
    <message>
        <source>see work orders</source>
        <translation>查看维修工单</translation>
    </message>
    <message>
        <source>change work orders</source>
        <translation>修改维修工单</translation>
    </message>
    <message>
        <source>see device passcodes</source>
        <translation>查看设备密码</translation>
    </message>
    <message>
        <source>approve refunds</source>
        <translation>审批退款</translation>
    </message>
    <message>
        <source>see stock</source>
        <translation>查看库存</translation>
    </message>
    <message>
        <source>manage stock</source>
        <translation>管理库存</translation>
    </message>
    <message>
        <source>see equipment</source>
        <translation>查看设备</translation>
    </message>
    <message>
        <source>manage equipment</source>
        <translation>管理设备</translation>
    </message>
    <message>
        <source>log maintenance</source>
        <translation>登记设备维护</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>Outlet manager</source>
        <translation>网点经理</translation>
    </message>
    <message>
        <source>Counter clerk</source>
        <translation>客服代表</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修技师</translation>
    </message>
    <message>
        <source>Maintenance staff</source>
        <translation>设备维护人员</translation>
    </message>
    <message>
        <source>Your role ({role}) may not do this ({permission}).</source>
        <translation>您的角色（{role}）无权执行此操作（{permission}）。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>The account {username} is disabled.</source>
        <translation>账户 {username} 已停用。</translation>
    </message>
    <message>
        <source>{path} already exists; nothing was written. Choose another name, or replace it with --force.</source>
        <translation>{path} 已存在，未写入任何内容。请换一个文件名，或用 --force 覆盖。</translation>
    </message>
    <message>
        <source>The backup file {path} does not exist.</source>
        <translation>备份文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>{path} is not an OutletDesk backup (not a SQLite file).</source>
        <translation>{path} 不是 OutletDesk 备份（不是 SQLite 文件）。</translation>
    </message>
    <message>
        <source>The backup {path} is damaged (integrity check failed).</source>
        <translation>备份 {path} 已损坏（完整性检查未通过）。</translation>
    </message>
    <message>
        <source>{path} is not an OutletDesk backup (tables missing).</source>
        <translation>{path} 不是 OutletDesk 备份（缺少数据表）。</translation>
    </message>
    <message>
        <source>The backup {path} cannot be read: {detail}</source>
        <translation>无法读取备份 {path}：{detail}</translation>
    </message>
    <message>
        <source>The backup was made by a newer OutletDesk (schema {revision}); it cannot be restored here.</source>
        <translation>该备份由更新版本的 OutletDesk 创建（结构版本 {revision}），无法在此恢复。</translation>
    </message>
    <message>
        <source>The database {where} already holds data. Restoring would replace all of it; confirm with --force.</source>
        <translation>数据库 {where} 中已有数据。恢复将替换全部数据；请使用 --force 确认。</translation>
    </message>
    <message>
        <source>Customer no.</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Other phones</source>
        <translation>其他电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Generated at</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Generated by</source>
        <translation>生成人</translation>
    </message>
    <message>
        <source>must be a list of numbers.</source>
        <translation>必须是号码列表。</translation>
    </message>
    <message>
        <source>at least one phone number is required.</source>
        <translation>至少需要一个电话号码。</translation>
    </message>
    <message>
        <source>at most {n} numbers.</source>
        <translation>最多 {n} 个号码。</translation>
    </message>
    <message>
        <source>Customer {name} was changed by someone else since you opened it. Nothing was saved; reopen the customer to see their change.</source>
        <translation>在您打开客户 {name} 之后，其他人修改了该客户。未保存任何内容；请重新打开该客户以查看其修改。</translation>
    </message>
    <message>
        <source>Customer {id} does not exist.</source>
        <translation>客户 {id} 不存在。</translation>
    </message>
    <message>
        <source>outlet {id} does not exist.</source>
        <translation>网点 {id} 不存在。</translation>
    </message>
    <message>
        <source>Your account was changed or disabled by an administrator. Nothing was done; sign in again.</source>
        <translation>您的账户已被管理员修改或停用。未执行任何操作；请重新登录。</translation>
    </message>
    <message>
        <source>Someone else saved this record after you opened it. Nothing was saved; reopen it to see their change.</source>
        <translation>在您打开此记录之后，其他人保存了它。未保存任何内容；请重新打开以查看其修改。</translation>
    </message>
    <message>
        <source>The database is unavailable or busy: {detail}</source>
        <translation>数据库不可用或繁忙：{detail}</translation>
    </message>
    <message>
        <source>The connection to the database was lost: {detail}</source>
        <translation>与数据库的连接已断开：{detail}</translation>
    </message>
    <message>
        <source>Cannot open the database: {detail}</source>
        <translation>无法打开数据库：{detail}</translation>
    </message>
    <message>
        <source>The database update would break links between records; nothing was changed. The copy taken before the update is in {folder}.</source>
        <translation>数据库升级会破坏记录之间的关联；未做任何更改。升级前的副本保存在 {folder}。</translation>
    </message>
    <message>
        <source>Cannot update the database: {detail}</source>
        <translation>无法升级数据库：{detail}</translation>
    </message>
    <message>
        <source>This database was written by a newer OutletDesk (schema {revision}). Install the newer version to open it.</source>
        <translation>该数据库由更新版本的 OutletDesk 写入（结构版本 {revision}）。请安装新版本后再打开。</translation>
    </message>
    <message>
        <source>There is no database at {path} (check --db and OUTLETDESK_DB); nothing was created. `outletdesk demo`, `outletdesk restore FILE` or the window makes a new database.</source>
        <translation>{path} 处没有数据库（请检查 --db 和 OUTLETDESK_DB），未创建任何内容。新数据库可由 `outletdesk demo`、`outletdesk restore FILE` 或程序窗口创建。</translation>
    </message>
    <message>
        <source>Outlet code</source>
        <translation>网点代码</translation>
    </message>
    <message>
        <source>Outlet name</source>
        <translation>网点名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Tax number</source>
        <translation>税号</translation>
    </message>
    <message>
        <source>There is no outlet with code “{code}”.</source>
        <translation>没有代码为“{code}”的网点。</translation>
    </message>
    <message>
        <source>“{code}” is already used by another outlet.</source>
        <translation>“{code}”已被其他网点使用。</translation>
    </message>
    <message>
        <source>Outlet {id} does not exist.</source>
        <translation>网点 {id} 不存在。</translation>
    </message>
    <message>
        <source>Outlet {code} was changed by someone else since you opened it. Nothing was saved; reopen it to see their change.</source>
        <translation>在您打开网点 {code} 之后，其他人修改了它。未保存任何内容；请重新打开以查看其修改。</translation>
    </message>
    <message>
        <source>cannot change: work order numbers of this outlet start with {code}.</source>
        <translation>不能修改：本网点的工单号以 {code} 开头。</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>纸张尺寸</translation>
    </message>
    <message>
        <source>Test receipt</source>
        <translation>测试小票</translation>
    </message>
    <message>
        <source>This is a test print. It is not a valid receipt.</source>
        <translation>这是测试打印，不是有效小票。</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>小票号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>2024-01-01 09:30</source>
        <translation>2024-01-01 09:30</translation>
    </message>
    <message>
        <source>“{value}” is not a receipt paper size; use one of: {allowed}.</source>
        <translation>“{value}”不是小票纸张尺寸；请使用以下之一：{allowed}。</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Sample Customer</source>
        <translation>示例客户</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Sample phone, IMEI 350000000000001</source>
        <translation>示例手机，IMEI 350000000000001</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>检测</translation>
    </message>
    <message>
        <source>Screen replacement</source>
        <translation>更换屏幕</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>电池</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>税额</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Customer signature</source>
        <translation>客户签名</translation>
    </message>
    <message>
        <source>Receipt header</source>
        <translation>小票页眉</translation>
    </message>
    <message>
        <source>Receipt footer</source>
        <translation>小票页脚</translation>
    </message>
    <message>
        <source>Terms and conditions</source>
        <translation>条款与条件</translation>
    </message>
    <message>
        <source>This database is already set up; sign in instead.</source>
        <translation>该数据库已设置完成，请直接登录。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>全名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>must have at least {n} characters.</source>
        <translation>至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>is too long ({length} characters; at most {max}).</source>
        <translation>过长（{length} 个字符；最多 {max} 个）。</translation>
    </message>
    <message>
        <source>“{name}” is already taken.</source>
        <translation>“{name}”已被占用。</translation>
    </message>
    <message>
        <source>User {id} does not exist.</source>
        <translation>用户 {id} 不存在。</translation>
    </message>
    <message>
        <source>User {name} was changed by someone else since you opened it. Nothing was saved.</source>
        <translation>在您打开用户 {name} 之后，其他人修改了该用户。未保存任何内容。</translation>
    </message>
    <message>
        <source>At least one active administrator must remain.</source>
        <translation>必须至少保留一名启用状态的系统管理员。</translation>
    </message>
    <message>
        <source>must be text.</source>
        <translation>必须是文本。</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>保养周期</translation>
    </message>
    <message>
        <source>Interval unit</source>
        <translation>周期单位</translation>
    </message>
    <message>
        <source>Plan name</source>
        <translation>计划名称</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>适用对象</translation>
    </message>
    <message>
        <source>First due on</source>
        <translation>首次到期日</translation>
    </message>
    <message>
        <source>Estimated minutes</source>
        <translation>预计分钟数</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>作业说明</translation>
    </message>
    <message>
        <source>Checklist item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Checklist line {line}</source>
        <translation>检查清单第 {line} 行</translation>
    </message>
    <message>
        <source>Checklist line {line}, {column}</source>
        <translation>检查清单第 {line} 行（{column}）</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>备件</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Time spent (minutes)</source>
        <translation>用时（分钟）</translation>
    </message>
    <message>
        <source>Down from</source>
        <translation>停机开始</translation>
    </message>
    <message>
        <source>Down until</source>
        <translation>停机结束</translation>
    </message>
    <message>
        <source>Failure cause</source>
        <translation>故障原因</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>部件</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Fault for the repair order</source>
        <translation>维修工单的故障描述</translation>
    </message>
    <message>
        <source>cannot be before the downtime began.</source>
        <translation>不能早于停机开始时间。</translation>
    </message>
    <message>
        <source>is required; only a breakdown is logged as still down.</source>
        <translation>为必填项；只有故障停机才能记为仍在停机。</translation>
    </message>
    <message>
        <source>is required for planned work.</source>
        <translation>计划内作业必须填写。</translation>
    </message>
    <message>
        <source>{tag} is retired; no more work is logged on it.</source>
        <translation>{tag} 已报废；不能再登记作业。</translation>
    </message>
    <message>
        <source>{plan} does not apply to {tag}.</source>
        <translation>{plan} 不适用于 {tag}。</translation>
    </message>
    <message>
        <source>a repair order is opened only for a failed check or a breakdown.</source>
        <translation>只有检查不合格或发生故障时才能开立维修工单。</translation>
    </message>
    <message>
        <source>Maintenance record {id} does not exist.</source>
        <translation>维护记录 {id} 不存在。</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>分组方式</translation>
    </message>
    <message>
        <source>ends before it starts.</source>
        <translation>结束早于开始。</translation>
    </message>
    <message>
        <source>choose one asset or one category.</source>
        <translation>请选择一台设备或一个类别。</translation>
    </message>
    <message>
        <source>Meter interval</source>
        <translation>计量间隔</translation>
    </message>
    <message>
        <source>is below Min ({minimum}).</source>
        <translation>低于下限（{minimum}）。</translation>
    </message>
    <message>
        <source>{tag} has been down since {since} ({number}); that downtime ends when it is back in service. Log this failure without a downtime of its own.</source>
        <translation>{tag} 自 {since} 起已在停机（{number}），该停机在设备恢复在用时结束。请记录本次故障，但不要另填停机时间。</translation>
    </message>
    <message>
        <source>Lead time (days before due)</source>
        <translation>提前提醒（到期前天数）</translation>
    </message>
    <message>
        <source>at most {count} items.</source>
        <translation>最多 {count} 项。</translation>
    </message>
    <message>
        <source>asset {id} does not exist.</source>
        <translation>设备 {id} 不存在。</translation>
    </message>
    <message>
        <source>user {id} does not exist.</source>
        <translation>用户 {id} 不存在。</translation>
    </message>
    <message>
        <source>must be a date and time.</source>
        <translation>须为日期和时间。</translation>
    </message>
    <message>
        <source>is required while {tag} stays in service; put it under repair to log it as still down.</source>
        <translation>{tag} 仍在用时为必填项；要记为仍在停机，请将其转为维修中。</translation>
    </message>
    <message>
        <source>must be no later than {since}: {tag} has been down since then ({number}). An earlier breakdown&apos;s downtime ends before that one began.</source>
        <translation>不能晚于 {since}：{tag} 自那时起一直停机（{number}）。补录更早的故障时，其停机须在那次停机开始前结束。</translation>
    </message>
    <message>
        <source>overlaps the downtime of {number}: {tag} was down from {since} to {until}. A downtime is counted once; change the times or log this failure without one.</source>
        <translation>与 {number} 的停机时间重叠：{tag} 在 {since} 至 {until} 已记为停机。同一段停机只计一次；请修改时间，或记录本次故障但不填停机时间。</translation>
    </message>
    <message>
        <source>a checklist belongs to a plan.</source>
        <translation>检查表须属于某个计划。</translation>
    </message>
    <message>
        <source>item {position} is not on the checklist.</source>
        <translation>第 {position} 项不在检查表中。</translation>
    </message>
    <message>
        <source>{label} has no answer.</source>
        <translation>{label} 未填写。</translation>
    </message>
    <message>
        <source>{label}: answer ok or not ok.</source>
        <translation>{label}：请填写合格或不合格。</translation>
    </message>
    <message>
        <source>meter {id} is not on {tag}.</source>
        <translation>计量表 {id} 不属于 {tag}。</translation>
    </message>
    <message>
        <source>Maintenance plan {id} does not exist.</source>
        <translation>维护计划 {id} 不存在。</translation>
    </message>
    <message>
        <source>{name} was changed by someone else meanwhile; nothing was saved.</source>
        <translation>{name} 已被他人修改；本次未保存。</translation>
    </message>
    <message>
        <source>Next due counted from</source>
        <translation>下次到期计算起点</translation>
    </message>
    <message>
        <source>is required.</source>
        <translation>为必填项。</translation>
    </message>
    <message>
        <source>a plan needs a time interval, a meter interval or both.</source>
        <translation>保养计划需要设置时间周期、计量间隔或两者。</translation>
    </message>
    <message>
        <source>must be a number.</source>
        <translation>必须是数字。</translation>
    </message>
    <message>
        <source>must be at most {maximum}.</source>
        <translation>不能超过 {maximum}。</translation>
    </message>
    <message>
        <source>contains control characters.</source>
        <translation>包含控制字符。</translation>
    </message>
    <message>
        <source>may not start with “{char}” (it would read as a spreadsheet formula).</source>
        <translation>不能以“{char}”开头（会被电子表格当作公式）。</translation>
    </message>
    <message>
        <source>“{value}” is not a phone number (digits, spaces, + - ( ) only).</source>
        <translation>“{value}”不是电话号码（只能包含数字、空格和 + - ( )）。</translation>
    </message>
    <message>
        <source>“{value}” must have 5 to 15 digits.</source>
        <translation>“{value}”必须为 5 到 15 位数字。</translation>
    </message>
    <message>
        <source>“{value}” is not an e-mail address.</source>
        <translation>“{value}”不是有效的电子邮件地址。</translation>
    </message>
    <message>
        <source>may use only letters A-Z, digits and &apos;-&apos;.</source>
        <translation>只能使用字母 A-Z、数字和“-”。</translation>
    </message>
    <message>
        <source>may use only letters a-z, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>只能使用字母 a-z、数字以及“.”、“_”和“-”。</translation>
    </message>
    <message>
        <source>cannot be negative.</source>
        <translation>不能为负数。</translation>
    </message>
    <message>
        <source>“{value}” is not an amount.</source>
        <translation>“{value}”不是金额。</translation>
    </message>
    <message>
        <source>“{value}” is not a number.</source>
        <translation>“{value}”不是数字。</translation>
    </message>
    <message>
        <source>“{value}” is not a number of hours.</source>
        <translation>“{value}”不是小时数。</translation>
    </message>
    <message>
        <source>“{value}” is not a percentage.</source>
        <translation>“{value}”不是百分比。</translation>
    </message>
    <message>
        <source>must be an exact amount.</source>
        <translation>必须是精确金额。</translation>
    </message>
    <message>
        <source>has more than 2 decimals.</source>
        <translation>小数位超过 2 位。</translation>
    </message>
    <message>
        <source>“{value}” is not a whole number.</source>
        <translation>“{value}”不是整数。</translation>
    </message>
    <message>
        <source>“{value}” is not a date (YYYY-MM-DD).</source>
        <translation>“{value}”不是日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>must be between {earliest} and {latest}.</source>
        <translation>须在 {earliest} 至 {latest} 之间。</translation>
    </message>
    <message>
        <source>must be an exact number.</source>
        <translation>须为精确数字。</translation>
    </message>
    <message>
        <source>has more than {places} decimals.</source>
        <translation>小数超过 {places} 位。</translation>
    </message>
    <message>
        <source>is out of range.</source>
        <translation>超出范围。</translation>
    </message>
    <message>
        <source>must be a whole number.</source>
        <translation>必须是整数。</translation>
    </message>
    <message>
        <source>must be between {minimum} and {maximum}.</source>
        <translation>必须介于 {minimum} 和 {maximum} 之间。</translation>
    </message>
    <message>
        <source>part {id} is not in count {number}.</source>
        <translation>备件 {id} 不在盘点单 {number} 中。</translation>
    </message>
    <message>
        <source>Nothing was counted in {number}; nothing to post.</source>
        <translation>盘点单 {number} 尚未录入任何盘点数量，无可过账内容。</translation>
    </message>
    <message>
        <source>{count} counted part(s) are outside what {number} covers ({filter}): {skus}. Nothing was posted: their counts would overwrite stock kept elsewhere. Recount them (this clears their counts), then post again.</source>
        <translation>有 {count} 个已盘备件不在盘点单 {number} 的范围（{filter}）内：{skus}。未过账任何内容：这些盘点数量会覆盖存放在其他位置的库存。请重新盘点这些备件（将清除其盘点数量），然后再次过账。</translation>
    </message>
    <message>
        <source>Stock of {count} counted part(s) moved after the count started: {skus}. Nothing was posted; recount them, then post again.</source>
        <translation>盘点开始后，有 {count} 个已盘备件发生了库存变动：{skus}。未过账任何内容；请对这些备件重新盘点后再过账。</translation>
    </message>
    <message>
        <source>no part of “{category}” at {location} is in a bin starting with “{bin}”, so there is nothing to count. No count was started.</source>
        <translation>{location} 没有货位以“{bin}”开头的“{category}”类备件，没有可盘点的内容。未开始盘点。</translation>
    </message>
    <message>
        <source>no part of “{category}” is stocked or shelved at {location}, so there is nothing to count. No count was started.</source>
        <translation>{location} 没有“{category}”类备件的库存或货位，没有可盘点的内容。未开始盘点。</translation>
    </message>
    <message>
        <source>no part at {location} is in a bin starting with “{bin}”, so there is nothing to count. No count was started.</source>
        <translation>{location} 没有货位以“{bin}”开头的备件，没有可盘点的内容。未开始盘点。</translation>
    </message>
    <message>
        <source>No part is stocked or shelved at {location}, so there is nothing to count. No count was started.</source>
        <translation>{location} 没有任何备件的库存或货位，没有可盘点的内容。未开始盘点。</translation>
    </message>
    <message>
        <source>{sku} is not in this count: its category is “{category}”, and the count covers only “{covered}”. Nothing was counted; count it in a count of its own category or of all of {location}.</source>
        <translation>{sku} 不在本次盘点中：其类别为“{category}”，本次盘点仅包含“{covered}”。未录入盘点；请在该类别的盘点或 {location} 的全面盘点中盘点它。</translation>
    </message>
    <message>
        <source>{sku} is not in this count: it has no bin at {location}, and the count covers only bins starting with {prefix}. Nothing was counted; count it in a count of all of {location}.</source>
        <translation>{sku} 不在本次盘点中：它在 {location} 没有货位，本次盘点仅包含以 {prefix} 开头的货位。未录入盘点；请在 {location} 的全面盘点中盘点它。</translation>
    </message>
    <message>
        <source>{sku} is not in this count: its bin is {bin}, and the count covers only bins starting with {prefix}. Nothing was counted; count it in a count of its own bin or of all of {location}.</source>
        <translation>{sku} 不在本次盘点中：其货位为 {bin}，本次盘点仅包含以 {prefix} 开头的货位。未录入盘点；请在其所在货位的盘点或 {location} 的全面盘点中盘点它。</translation>
    </message>
    <message>
        <source>A count of {location} is already open; post or cancel it before starting another.</source>
        <translation>{location} 已有一张未完成的盘点单；请先过账或取消，再开始新的盘点。</translation>
    </message>
    <message>
        <source>Count {id} does not exist.</source>
        <translation>盘点单 {id} 不存在。</translation>
    </message>
    <message>
        <source>Count {number} changed after you reviewed it (new counts, or posted). Nothing was done; review it again.</source>
        <translation>盘点单 {number} 在您核对之后已有变化（录入了新的盘点数量或已过账）。未做任何操作；请重新核对。</translation>
    </message>
    <message>
        <source>Count {number} is closed (posted or cancelled).</source>
        <translation>盘点单 {number} 已关闭（已过账或已取消）。</translation>
    </message>
    <message>
        <source>This database belongs to a working outlet (it has users and was not made by the demo command); demo data is not added to it.</source>
        <translation>该数据库属于正在使用的网点（已有用户，且不是由演示命令创建的）；不会向其中添加演示数据。</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>Minimum level</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <source>Reorder quantity</source>
        <translation>补货数量</translation>
    </message>
    <message>
        <source>Average cost</source>
        <translation>平均成本</translation>
    </message>
    <message>
        <source>Stock value</source>
        <translation>库存金额</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>变动类型</translation>
    </message>
    <message>
        <source>On hand after</source>
        <translation>变动后结存</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Transfer no.</source>
        <translation>调拨单号</translation>
    </message>
    <message>
        <source>On the way</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>On order</source>
        <translation>已订购</translation>
    </message>
    <message>
        <source>For waiting repairs</source>
        <translation>待修工单需用</translation>
    </message>
    <message>
        <source>Suggested quantity</source>
        <translation>建议订货量</translation>
    </message>
    <message>
        <source>Order value</source>
        <translation>订货金额</translation>
    </message>
    <message>
        <source>Parts in stock</source>
        <translation>有库存备件数</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Of which in transit (units)</source>
        <translation>其中在途（数量）</translation>
    </message>
    <message>
        <source>Of which in transit (value)</source>
        <translation>其中在途（金额）</translation>
    </message>
    <message>
        <source>Goods received</source>
        <translation>收货入库</translation>
    </message>
    <message>
        <source>Issued to repair</source>
        <translation>维修领用</translation>
    </message>
    <message>
        <source>Returned from repair</source>
        <translation>维修退回</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>库存调整</translation>
    </message>
    <message>
        <source>Transfer out</source>
        <translation>调拨出库</translation>
    </message>
    <message>
        <source>Transfer in</source>
        <translation>调拨入库</translation>
    </message>
    <message>
        <source>Stocktake correction</source>
        <translation>盘点修正</translation>
    </message>
    <message>
        <source>Scrapped</source>
        <translation>报废</translation>
    </message>
    <message>
        <source>Parts catalogue</source>
        <translation>备件目录</translation>
    </message>
    <message>
        <source>Stock levels</source>
        <translation>库存状况</translation>
    </message>
    <message>
        <source>Stock movements</source>
        <translation>库存流水</translation>
    </message>
    <message>
        <source>Low stock</source>
        <translation>库存不足</translation>
    </message>
    <message>
        <source>Stock value by outlet</source>
        <translation>各网点库存金额</translation>
    </message>
    <message>
        <source>Stock value by part</source>
        <translation>各备件库存金额</translation>
    </message>
    <message>
        <source>In transit to {outlet}</source>
        <translation>在途：调往{outlet}</translation>
    </message>
    <message>
        <source>Main store</source>
        <translation>主仓库</translation>
    </message>
    <message>
        <source>Bin location</source>
        <translation>货位</translation>
    </message>
    <message>
        <source>must not be zero.</source>
        <translation>不能为零。</translation>
    </message>
    <message>
        <source>A transfer goes to another outlet; to move stock between the locations of one outlet, use Move.</source>
        <translation>调拨须发往另一个网点；同一网点内不同库位之间请使用“移库”。</translation>
    </message>
    <message>
        <source>Transfer {id} does not exist.</source>
        <translation>调拨单 {id} 不存在。</translation>
    </message>
    <message>
        <source>Transfer {id} was received or changed by someone else; nothing was booked twice.</source>
        <translation>调拨单 {id} 已被他人接收或修改；未重复入库。</translation>
    </message>
    <message>
        <source>Choose another location to move the stock to.</source>
        <translation>请选择另一个库位来移入库存。</translation>
    </message>
    <message>
        <source>Not enough {sku} ({name}) at {outlet}: {on_hand} on hand, {asked} asked for. Nothing was taken.</source>
        <translation>{outlet} 的 {sku}（{name}）库存不足：现有 {on_hand}，需要 {asked}。未出库。</translation>
    </message>
    <message>
        <source>Work order {id} does not exist.</source>
        <translation>维修工单 {id} 不存在。</translation>
    </message>
    <message>
        <source>{location} belongs to another outlet.</source>
        <translation>{location}属于另一个网点。</translation>
    </message>
    <message>
        <source>{location} is no longer in use; put it back in use to keep stock there.</source>
        <translation>{location}已停用；如需在此存放库存，请先重新启用。</translation>
    </message>
    <message>
        <source>Only {on_hand} {sku} ({name}) in {location} ({code}); {asked} asked for. Nothing was saved.</source>
        <translation>{location}（{code}）只有 {on_hand} 个 {sku}（{name}），需要 {asked} 个。未保存任何内容。</translation>
    </message>
    <message>
        <source>Line {line}: only {on_hand} {sku} ({name}) in {location} ({code}); {asked} asked for. Nothing was saved.</source>
        <translation>第 {line} 行：{location}（{code}）只有 {on_hand} 个 {sku}（{name}），需要 {asked} 个。未保存任何内容。</translation>
    </message>
    <message>
        <source>Lines {lines}: only {on_hand} {sku} ({name}) in {location} ({code}); {asked} more asked for by these lines together. Nothing was saved.</source>
        <translation>第 {lines} 行：{location}（{code}）只有 {on_hand} 个 {sku}（{name}），这几行合计还需要 {asked} 个。未保存任何内容。</translation>
    </message>
    <message>
        <source>Only {free} of {on_hand} {sku} can be scrapped; {held} held for work orders awaiting parts ({orders}). Nothing was scrapped.</source>
        <translation>{sku} 现有 {on_hand}，只有 {free} 可以报废；{held} 已为待料工单预留（{orders}）。未报废任何备件。</translation>
    </message>
    <message>
        <source>Only {free} of {on_hand} {sku} can be moved; {held} held for work orders awaiting parts ({orders}). Nothing was moved.</source>
        <translation>{sku} 现有 {on_hand}，只有 {free} 可以移库；{held} 已为待料工单预留（{orders}）。未移动任何备件。</translation>
    </message>
    <message>
        <source>Only {free} of {on_hand} {sku} can be used for upkeep; {held} held for work orders awaiting parts ({orders}). Nothing was logged.</source>
        <translation>{sku} 现有 {on_hand}，只有 {free} 可用于设备维护；{held} 已为待料工单预留（{orders}）。未记录任何维护。</translation>
    </message>
    <message>
        <source>Only {free} of {on_hand} {sku} can be sent to another outlet; {held} held for work orders awaiting parts ({orders}). Nothing was sent.</source>
        <translation>{sku} 现有 {on_hand}，只有 {free} 可以调拨到其他网点；{held} 已为待料工单预留（{orders}）。未调出任何备件。</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>打印份数</translation>
    </message>
    <message>
        <source>Assets {ids} do not exist.</source>
        <translation>设备 {ids} 不存在。</translation>
    </message>
    <message>
        <source>“{value}” is not an asset id.</source>
        <translation>“{value}”不是有效的设备编号。</translation>
    </message>
    <message>
        <source>choose at least one asset to print labels for.</source>
        <translation>请至少选择一台要打印标签的设备。</translation>
    </message>
    <message>
        <source>Bin {bin}</source>
        <translation>货位 {bin}</translation>
    </message>
    <message>
        <source>Price {price}</source>
        <translation>售价 {price}</translation>
    </message>
    <message>
        <source>“{value}” is not a paper size for this printout; use one of: {allowed}.</source>
        <translation>“{value}”不适用于此打印内容；请使用以下之一：{allowed}。</translation>
    </message>
    <message>
        <source>choose at least one part to print labels for.</source>
        <translation>请至少选择一个要打印标签的备件。</translation>
    </message>
    <message>
        <source>“{value}” is not a part id.</source>
        <translation>“{value}”不是有效的备件编号。</translation>
    </message>
    <message>
        <source>{count} labels in one print is too many; at most {max}.</source>
        <translation>一次打印 {count} 张标签太多了，最多 {max} 张。</translation>
    </message>
    <message>
        <source>Choose the outlet whose stock this is (sign in at one).</source>
        <translation>请选择库存所属的网点（在某个网点登录）。</translation>
    </message>
    <message>
        <source>Parts {ids} do not exist.</source>
        <translation>备件 {ids} 不存在。</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>备件</translation>
    </message>
    <message>
        <source>Not enough {sku} ({name}) at {outlet}: {on_hand} on hand, {held} of them held for orders awaiting parts; {asked} asked for. Nothing was taken.</source>
        <translation>{outlet} 的 {sku}（{name}）库存不足：现有 {on_hand}，其中 {held} 已为待料工单预留；需要 {asked}。未出库。</translation>
    </message>
    <message>
        <source>Work order {number} was changed by someone else since you opened it. Nothing was saved; reopen it to see their change.</source>
        <translation>在您打开维修工单 {number} 之后，其他人修改了它。未保存任何内容；请重新打开以查看其修改。</translation>
    </message>
    <message>
        <source>Work order no.</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Judged</source>
        <translation>判断时间</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已交付</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <source>Serial no.</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>IMEI</source>
        <translation>IMEI</translation>
    </message>
    <message>
        <source>Reported fault</source>
        <translation>故障描述</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Warranty</source>
        <translation>保修</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <source>Refunded after hand-back</source>
        <translation>交付后已退款</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Judgement in time</source>
        <translation>判断及时</translation>
    </message>
    <message>
        <source>Repair in time</source>
        <translation>维修及时</translation>
    </message>
    <message>
        <source>Follow-up in time</source>
        <translation>回访及时</translation>
    </message>
    <message>
        <source>Follow-up method</source>
        <translation>回访方式</translation>
    </message>
    <message>
        <source>Follow-up calls not reached</source>
        <translation>未联系到客户的回访次数</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Taken from</source>
        <translation>领取位置</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>加急</translation>
    </message>
    <message>
        <source>No warranty</source>
        <translation>不在保修期</translation>
    </message>
    <message>
        <source>Labour</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>维修工单</translation>
    </message>
    <message>
        <source>Work order lines</source>
        <translation>工单明细</translation>
    </message>
    <message>
        <source>All outlets</source>
        <translation>所有网点</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Device type</source>
        <translation>设备类型</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Asset tag</source>
        <translation>资产编号</translation>
    </message>
    <message>
        <source>Make</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>Purchase date</source>
        <translation>购买日期</translation>
    </message>
    <message>
        <source>Purchase cost</source>
        <translation>购置成本</translation>
    </message>
    <message>
        <source>Warranty end</source>
        <translation>保修截止</translation>
    </message>
    <message>
        <source>Accepted on</source>
        <translation>验收日期</translation>
    </message>
    <message>
        <source>Accepted by</source>
        <translation>验收人</translation>
    </message>
    <message>
        <source>Acceptance result</source>
        <translation>验收结果</translation>
    </message>
    <message>
        <source>Retirement reason</source>
        <translation>报废原因</translation>
    </message>
    <message>
        <source>Record no.</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>Asset name</source>
        <translation>设备名称</translation>
    </message>
    <message>
        <source>Type of work</source>
        <translation>作业类型</translation>
    </message>
    <message>
        <source>Downtime (hours)</source>
        <translation>停机时长（小时）</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>执行人</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>下次到期</translation>
    </message>
    <message>
        <source>Next due at meter</source>
        <translation>下次到期读数</translation>
    </message>
    <message>
        <source>Last done</source>
        <translation>上次完成</translation>
    </message>
    <message>
        <source>When</source>
        <translation>到期情况</translation>
    </message>
    <message>
        <source>Meter now</source>
        <translation>当前读数</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周到期</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Not yet due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>Planned maintenance</source>
        <translation>计划保养</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>故障停机</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>every {n} days</source>
        <translation>每 {n} 天</translation>
    </message>
    <message>
        <source>every {n} weeks</source>
        <translation>每 {n} 周</translation>
    </message>
    <message>
        <source>every {n} months</source>
        <translation>每 {n} 个月</translation>
    </message>
    <message>
        <source>every {n} years</source>
        <translation>每 {n} 年</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>every week</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>every month</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>every year</source>
        <translation>每年</translation>
    </message>
    <message>
        <source>every {n} of {meter}</source>
        <translation>{meter}每 {n}</translation>
    </message>
    <message>
        <source>{first}, or {second}, whichever comes first</source>
        <translation>{first}，或{second}，以先到者为准</translation>
    </message>
    <message>
        <source>Every asset in {category}</source>
        <translation>{category}类全部设备</translation>
    </message>
    <message>
        <source>Equipment register</source>
        <translation>设备台账</translation>
    </message>
    <message>
        <source>Maintenance log</source>
        <translation>维护保养记录</translation>
    </message>
    <message>
        <source>Maintenance plans</source>
        <translation>保养计划一览</translation>
    </message>
    <message>
        <source>Maintenance due</source>
        <translation>待保养任务</translation>
    </message>
    <message>
        <source>Still down</source>
        <translation>仍在停机</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>计量表</translation>
    </message>
    <message>
        <source>Meter unit</source>
        <translation>计量单位</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>读数</translation>
    </message>
    <message>
        <source>Read at</source>
        <translation>读数时间</translation>
    </message>
    <message>
        <source>Retired on</source>
        <translation>报废日期</translation>
    </message>
    <message>
        <source>Name</source>
        <comment>asset</comment>
        <translation>名称</translation>
    </message>
    <message>
        <source>Purchase date</source>
        <comment>asset</comment>
        <translation>购置日期</translation>
    </message>
    <message>
        <source>In service</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Under repair</source>
        <translation>维修中</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已报废</translation>
    </message>
    <message>
        <source>cannot be before the purchase date.</source>
        <translation>不能早于购置日期。</translation>
    </message>
    <message>
        <source>Category {id} does not exist.</source>
        <translation>类别 {id} 不存在。</translation>
    </message>
    <message>
        <source>{name} already exists.</source>
        <translation>{name} 已存在。</translation>
    </message>
    <message>
        <source>is required when {tag} is taken out of service: it is the cause of the downtime that starts now.</source>
        <translation>将 {tag} 停用或设为维修中时为必填项；它将作为从现在开始的这段停机的故障原因。</translation>
    </message>
    <message>
        <source>Set under repair by import</source>
        <translation>由导入设为维修中</translation>
    </message>
    <message>
        <source>Set out of service by import</source>
        <translation>由导入设为停用</translation>
    </message>
    <message>
        <source>needs a time zone.</source>
        <translation>需要时区。</translation>
    </message>
    <message>
        <source>Meter {id} does not exist.</source>
        <translation>计量表 {id} 不存在。</translation>
    </message>
    <message>
        <source>{tag} is retired; its history is kept but it cannot change.</source>
        <translation>{tag} 已报废；其历史记录保留，但不能再更改。</translation>
    </message>
    <message>
        <source>{value} is lower than an earlier reading of {meter} ({before}).</source>
        <translation>{value} 低于 {meter} 之前的读数（{before}）。</translation>
    </message>
    <message>
        <source>{value} is higher than a later reading of {meter} ({before}).</source>
        <translation>{value} 高于 {meter} 之后的读数（{before}）。</translation>
    </message>
    <message>
        <source>category {id} does not exist.</source>
        <translation>类别 {id} 不存在。</translation>
    </message>
    <message>
        <source>Asset {id} does not exist.</source>
        <translation>设备 {id} 不存在。</translation>
    </message>
    <message>
        <source>{tag} was changed by someone else meanwhile; nothing was saved. Open it again to see the change.</source>
        <translation>{tag} 已被他人修改；本次未保存。请重新打开查看变更。</translation>
    </message>
    <message>
        <source>Proof of purchase</source>
        <translation>购买凭证</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Device notes</source>
        <translation>设备备注</translation>
    </message>
    <message>
        <source>Customer&apos;s demand</source>
        <translation>客户诉求</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Condition on arrival</source>
        <translation>接收时外观状况</translation>
    </message>
    <message>
        <source>Accessories</source>
        <translation>随机附件</translation>
    </message>
    <message>
        <source>Passcode</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>预估费用</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>定金</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Promised date</source>
        <translation>承诺日期</translation>
    </message>
    <message>
        <source>“{value}” must be 15 digits.</source>
        <translation>“{value}”必须是 15 位数字。</translation>
    </message>
    <message>
        <source>“{value}” has a wrong check digit (mistyped?).</source>
        <translation>“{value}”的校验位错误（是否输错？）。</translation>
    </message>
    <message>
        <source>must be a date, not a date and time.</source>
        <translation>必须是日期，而不是日期和时间。</translation>
    </message>
    <message>
        <source>cannot be in the future.</source>
        <translation>不能是将来的日期。</translation>
    </message>
    <message>
        <source>is too far in the past.</source>
        <translation>日期过早。</translation>
    </message>
    <message>
        <source>may use only letters, digits, spaces and . / -</source>
        <translation>只能使用字母、数字、空格以及 . / -</translation>
    </message>
    <message>
        <source>Sign in at an outlet to take in devices.</source>
        <translation>请在某个网点登录后再接收设备。</translation>
    </message>
    <message>
        <source>must be a future date and time.</source>
        <translation>必须是将来的日期和时间。</translation>
    </message>
    <message>
        <source>choose a customer or enter a new one.</source>
        <translation>请选择客户或输入新客户。</translation>
    </message>
    <message>
        <source>choose an active user.</source>
        <translation>请选择一个启用的用户。</translation>
    </message>
    <message>
        <source>customer {id} does not exist.</source>
        <translation>客户 {id} 不存在。</translation>
    </message>
    <message>
        <source>each item needs a name, ok or not, and a note.</source>
        <translation>每一项都需要名称、是否正常以及备注。</translation>
    </message>
    <message>
        <source>this outlet requires every item to be checked; missing: {items}.</source>
        <translation>本网点要求检查每一项；缺少：{items}。</translation>
    </message>
    <message>
        <source>Printout</source>
        <translation>打印内容</translation>
    </message>
    <message>
        <source>Repair intake receipt</source>
        <translation>维修接收小票</translation>
    </message>
    <message>
        <source>Hand-back receipt</source>
        <translation>交付小票</translation>
    </message>
    <message>
        <source>Repair quote</source>
        <translation>维修报价单</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>URGENT</source>
        <translation>加急</translation>
    </message>
    <message>
        <source>Customer&apos;s request</source>
        <translation>客户诉求</translation>
    </message>
    <message>
        <source>Maintenance report</source>
        <translation>设备维护报告</translation>
    </message>
    <message>
        <source>Generated at {at} by {by}</source>
        <translation>{by} 于 {at} 生成</translation>
    </message>
    <message>
        <source>Asset details</source>
        <translation>设备信息</translation>
    </message>
    <message>
        <source>Meters</source>
        <translation>计量表</translation>
    </message>
    <message>
        <source>Last reading</source>
        <translation>最新读数</translation>
    </message>
    <message>
        <source>No meters.</source>
        <translation>无计量表。</translation>
    </message>
    <message>
        <source>Reliability {start} – {end}</source>
        <translation>可靠性 {start} – {end}</translation>
    </message>
    <message>
        <source>Breakdowns</source>
        <translation>故障次数</translation>
    </message>
    <message>
        <source>MTBF (hours)</source>
        <translation>平均故障间隔（小时）</translation>
    </message>
    <message>
        <source>MTTR (hours)</source>
        <translation>平均修复时间（小时）</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>可用率</translation>
    </message>
    <message>
        <source>Compliance: {share} ({on_time} of {due} on time)</source>
        <translation>按时完成率：{share}（{due} 项中 {on_time} 项按时）</translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation>按时完成率</translation>
    </message>
    <message>
        <source>{share} ({on_time} of {due} on time)</source>
        <translation>{share}（{due} 项中 {on_time} 项按时）</translation>
    </message>
    <message>
        <source>Not done yet.</source>
        <translation>尚未执行。</translation>
    </message>
    <message>
        <source>No plans apply to this asset.</source>
        <translation>该设备没有适用的保养计划。</translation>
    </message>
    <message>
        <source>Last results: {number}, {at}, {by}</source>
        <translation>上次结果：{number}，{at}，{by}</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>实测</translation>
    </message>
    <message>
        <source>Acceptable</source>
        <translation>允许范围</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Not OK</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Parts used</source>
        <translation>所用备件</translation>
    </message>
    <message>
        <source>Repairs and breakdowns</source>
        <translation>维修与故障</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>暂无记录。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履历</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>状态：{status}</translation>
    </message>
    <message>
        <source>Reading: {meter}</source>
        <translation>读数：{meter}</translation>
    </message>
    <message>
        <source>down {hours} h</source>
        <translation>停机 {hours} 小时</translation>
    </message>
    <message>
        <source>still down since {since}</source>
        <translation>自 {since} 起仍在停机</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>not ok</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Accessories received</source>
        <translation>收到的附件</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Not under warranty</source>
        <translation>不在保修期内</translation>
    </message>
    <message>
        <source>Manufacturer warranty</source>
        <translation>厂家保修</translation>
    </message>
    <message>
        <source>Repair warranty (rework)</source>
        <translation>维修保修（返修）</translation>
    </message>
    <message>
        <source>Covered by warranty: parts and labour free.</source>
        <translation>保修范围内：备件和工时免费。</translation>
    </message>
    <message>
        <source>Deposit paid</source>
        <translation>已付定金</translation>
    </message>
    <message>
        <source>Ready by</source>
        <translation>预计完成</translation>
    </message>
    <message>
        <source>Work and parts</source>
        <translation>工时与备件</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <source>{rate}/h</source>
        <translation>{rate}/小时</translation>
    </message>
    <message>
        <source>No work recorded.</source>
        <translation>未记录任何工作。</translation>
    </message>
    <message>
        <source>Tax ({rate}%)</source>
        <translation>税额（{rate}%）</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>付款记录</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Excess deposit returned</source>
        <translation>退还多余定金</translation>
    </message>
    <message>
        <source>cash tendered {tendered}, change {change}</source>
        <translation>实收现金 {tendered}，找零 {change}</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>transfer</source>
        <translation>转账</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Balance due</source>
        <translation>应付余额</translation>
    </message>
    <message>
        <source>approved by {name}</source>
        <translation>批准人 {name}</translation>
    </message>
    <message>
        <source>Notes for the customer</source>
        <translation>给客户的说明</translation>
    </message>
    <message>
        <source>{warranty} until {date}</source>
        <translation>{warranty}至 {date}</translation>
    </message>
    <message>
        <source>{text} ({detail})</source>
        <translation>{text}（{detail}）</translation>
    </message>
    <message>
        <source>{first}, {second}</source>
        <translation>{first}，{second}</translation>
    </message>
    <message>
        <source>{first}. {second}</source>
        <translation>{first}。{second}</translation>
    </message>
    <message>
        <source>{first}; {second}</source>
        <translation>{first}；{second}</translation>
    </message>
    <message>
        <source>Work order {number} has not been handed back (status: {status}); its hand-back receipt is printed when the customer collects the device.</source>
        <translation>工单 {number} 尚未交付（当前状态：{status}）；交付小票在客户取回设备时打印。</translation>
    </message>
    <message>
        <source>“{value}” is not a printout; use one of: {allowed}.</source>
        <translation>“{value}”不是可打印的内容；请使用以下之一：{allowed}。</translation>
    </message>
    <message>
        <source>Work order {number} is {status}: a quote is only for work still to be done.</source>
        <translation>工单 {number} 当前为{status}：报价单只用于尚未完成的维修。</translation>
    </message>
    <message>
        <source>Work order {number} has no work or parts to quote yet; add its lines first.</source>
        <translation>工单 {number} 还没有可报价的工时或备件，请先添加明细。</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>内部备注</translation>
    </message>
    <message>
        <source>Customer note</source>
        <translation>客户备注</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>问题升级</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>指派</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Follow-up: customer not reached</source>
        <translation>回访：未联系到客户</translation>
    </message>
    <message>
        <source>Follow-up closed: customer not reachable</source>
        <translation>回访结束：无法联系到客户</translation>
    </message>
    <message>
        <source>Refund requested</source>
        <translation>已申请退款</translation>
    </message>
    <message>
        <source>Refund approved</source>
        <translation>退款已批准</translation>
    </message>
    <message>
        <source>Refund declined</source>
        <translation>退款被拒绝</translation>
    </message>
    <message>
        <source>Quality defect</source>
        <translation>质量缺陷</translation>
    </message>
    <message>
        <source>Transport damage</source>
        <translation>运输损坏</translation>
    </message>
    <message>
        <source>Misuse or accident</source>
        <translation>使用不当或意外</translation>
    </message>
    <message>
        <source>Normal wear</source>
        <translation>正常磨损</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>电话回访</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>上门回访</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上回访</translation>
    </message>
    <message>
        <source>{method}: {comment}</source>
        <translation>{method}：{comment}</translation>
    </message>
    <message>
        <source>Handed back</source>
        <translation>交付时间</translation>
    </message>
    <message>
        <source>Collected by</source>
        <translation>取件人</translation>
    </message>
    <message>
        <source>Returned unrepaired.</source>
        <translation>未修复退回。</translation>
    </message>
    <message>
        <source>Repair warranty until</source>
        <translation>维修保修至</translation>
    </message>
    <message>
        <source>Device received back (signature)</source>
        <translation>已取回设备（签名）</translation>
    </message>
    <message>
        <source>Estimate for your approval. Work starts once you approve it; if we find more to do, we ask you first.</source>
        <translation>预估费用供您确认。经您确认后开始维修；如发现需要额外处理，我们会先征得您的同意。</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>{date} ({days} days)</source>
        <translation>{date}（{days} 天）</translation>
    </message>
    <message>
        <source>Approved by the customer (signature, date)</source>
        <translation>客户确认（签名、日期）</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>tablet</source>
        <translation>平板电脑</translation>
    </message>
    <message>
        <source>laptop</source>
        <translation>笔记本电脑</translation>
    </message>
    <message>
        <source>watch</source>
        <translation>手表</translation>
    </message>
    <message>
        <source>Diagnosing</source>
        <translation>检测中</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>待客户确认</translation>
    </message>
    <message>
        <source>Awaiting parts</source>
        <translation>待备件</translation>
    </message>
    <message>
        <source>In repair</source>
        <translation>维修中</translation>
    </message>
    <message>
        <source>Ready for pickup</source>
        <translation>待取件</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Unrepairable</source>
        <translation>无法维修</translation>
    </message>
    <message>
        <source>Judgement</source>
        <translation>初步判断</translation>
    </message>
    <message>
        <source>Order lines</source>
        <translation>订单明细</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Nothing from {supplier} is running low at {outlet} (or it is already on a draft order). No order was made.</source>
        <translation>{outlet} 没有来自 {supplier} 的低库存备件（或已在采购草稿中）。未生成采购单。</translation>
    </message>
    <message>
        <source>{number}: goods were received against it; it cannot be cancelled.</source>
        <translation>{number}：已有到货入库，不能取消。</translation>
    </message>
    <message>
        <source>nothing was entered.</source>
        <translation>未录入任何内容。</translation>
    </message>
    <message>
        <source>add at least one part.</source>
        <translation>请至少添加一个备件。</translation>
    </message>
    <message>
        <source>at most {max} lines.</source>
        <translation>最多 {max} 行。</translation>
    </message>
    <message>
        <source>part {id} is on the order twice; use one line.</source>
        <translation>备件 {id} 在订单中出现了两次；请合并为一行。</translation>
    </message>
    <message>
        <source>{sku} is not on purchase order {number}.</source>
        <translation>{sku} 不在采购单 {number} 中。</translation>
    </message>
    <message>
        <source>{asked} of {sku} received, but only {outstanding} of the {ordered} ordered on {number} are still to come. Nothing was booked; receive the extra units separately.</source>
        <translation>{sku} 到货 {asked} 件，但采购单 {number} 订购的 {ordered} 件中只剩 {outstanding} 件未到。未入库；多出的数量请另行入库。</translation>
    </message>
    <message>
        <source>Purchase order {id} does not exist.</source>
        <translation>采购单 {id} 不存在。</translation>
    </message>
    <message>
        <source>{number} was changed by someone else after you opened it. Nothing was saved; reopen it to see their change.</source>
        <translation>在您打开 {number} 之后，其他人修改了它。未保存任何内容；请重新打开以查看其修改。</translation>
    </message>
    <message>
        <source>a draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>ordered</source>
        <translation>已下单</translation>
    </message>
    <message>
        <source>partly received</source>
        <translation>部分到货</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已到货</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>{number} is still a draft: place the order before receiving against it.</source>
        <translation>{number} 仍是草稿：请先下单，再按单收货。</translation>
    </message>
    <message>
        <source>{number} is {status}; this cannot be done to it now.</source>
        <translation>{number} 当前状态为“{status}”，现在不能执行此操作。</translation>
    </message>
    <message>
        <source>Work order {number} has not been handed back; a deposit is returned by cancelling the job, an overpayment at hand-back.</source>
        <translation>工单 {number} 尚未交付；订金在取消工单时退还，多付款项在交付时退还。</translation>
    </message>
    <message>
        <source>{amount} is more than can be refunded ({refundable}: paid, less refunds awaiting review).</source>
        <translation>{amount} 超过可退金额（{refundable}：已付金额减去待审核的退款）。</translation>
    </message>
    <message>
        <source>You asked for this refund yourself; another manager or an administrator must approve it.</source>
        <translation>这笔退款是您自己申请的，须由另一位经理或管理员批准。</translation>
    </message>
    <message>
        <source>Work order {number}: only {available} is left to refund; reject this request and ask for a smaller amount.</source>
        <translation>工单 {number}：只剩 {available} 可退；请拒绝此申请并重新申请较小的金额。</translation>
    </message>
    <message>
        <source>Refund request {id} does not exist.</source>
        <translation>退款申请 {id} 不存在。</translation>
    </message>
    <message>
        <source>The refund request on {number} was decided or changed by someone else. Nothing was saved; reopen the order to see it.</source>
        <translation>{number} 的退款申请已被他人审核或修改。未保存任何内容；请重新打开工单查看。</translation>
    </message>
    <message>
        <source>Line kind</source>
        <translation>明细类别</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Hourly rate</source>
        <translation>每小时费率</translation>
    </message>
    <message>
        <source>Discount reason</source>
        <translation>折扣原因</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Contact method</source>
        <translation>回访方式</translation>
    </message>
    <message>
        <source>There is no work order {number}.</source>
        <translation>没有维修工单 {number}。</translation>
    </message>
    <message>
        <source>Use Hand back or Cancel for that step.</source>
        <translation>该步骤请使用“交付取件”或“取消工单”。</translation>
    </message>
    <message>
        <source>Work order {number} cannot go from {current} to {target}; possible next steps: {allowed}.</source>
        <translation>维修工单 {number} 不能从“{current}”转到“{target}”；可执行的下一步：{allowed}。</translation>
    </message>
    <message>
        <source>Work order {number} is closed.</source>
        <translation>维修工单 {number} 已关闭。</translation>
    </message>
    <message>
        <source>Work order {number} is closed; its lines can no longer change.</source>
        <translation>维修工单 {number} 已关闭；其明细不能再修改。</translation>
    </message>
    <message>
        <source>line {line} comes to more than the largest amount the shop can book.</source>
        <translation>第 {line} 行的金额超过了可记账的最大金额。</translation>
    </message>
    <message>
        <source>cannot be more than the lines&apos; total ({subtotal}).</source>
        <translation>不能超过明细合计（{subtotal}）。</translation>
    </message>
    <message>
        <source>only a part from the catalogue can be taken from a van or store room.</source>
        <translation>只有目录中的备件才能从服务车或库房领取。</translation>
    </message>
    <message>
        <source>Work order {number} is not ready for pickup (status: {status}).</source>
        <translation>维修工单 {number} 尚不可取件（当前状态：{status}）。</translation>
    </message>
    <message>
        <source>line {line}: stock location {id} does not exist.</source>
        <translation>第 {line} 行：库位 {id} 不存在。</translation>
    </message>
    <message>
        <source>line {line}: {location} belongs to another outlet; a repair takes parts from its own outlet&apos;s store or van.</source>
        <translation>第 {line} 行：{location} 属于其他网点；维修只能从本网点的仓库或服务车领料。</translation>
    </message>
    <message>
        <source>line {line}: {location} is no longer in use; take the part from another location.</source>
        <translation>第 {line} 行：{location} 已停用，请从其他库位领取。</translation>
    </message>
    <message>
        <source>must be more than zero.</source>
        <translation>必须大于零。</translation>
    </message>
    <message>
        <source>{amount} is more than the balance due ({balance}).</source>
        <translation>{amount} 超过了应付余额（{balance}）。</translation>
    </message>
    <message>
        <source>Work order {number}: {balance} is still due (total {total}, paid {paid}); nothing was saved.</source>
        <translation>维修工单 {number}：仍有 {balance} 未付（合计 {total}，已付 {paid}）；未保存任何内容。</translation>
    </message>
    <message>
        <source>Service attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>效率</translation>
    </message>
    <message>
        <source>Problem solved</source>
        <translation>问题解决</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <source>Work order {number} has not been handed back yet.</source>
        <translation>维修工单 {number} 尚未交付。</translation>
    </message>
    <message>
        <source>The follow-up of {number} is already recorded.</source>
        <translation>{number} 的回访已记录。</translation>
    </message>
    <message>
        <source>Judgement within (hours)</source>
        <translation>初步判断时限（小时）</translation>
    </message>
    <message>
        <source>Repair within (hours)</source>
        <translation>维修完成时限（小时）</translation>
    </message>
    <message>
        <source>Follow-up within (hours)</source>
        <translation>回访时限（小时）</translation>
    </message>
    <message>
        <source>Tax rate (%)</source>
        <translation>税率（%）</translation>
    </message>
    <message>
        <source>Repair warranty (days)</source>
        <translation>维修保修期（天）</translation>
    </message>
    <message>
        <source>Manufacturer warranty (months)</source>
        <translation>厂家保修期（月）</translation>
    </message>
    <message>
        <source>Condition checklist</source>
        <translation>外观检查清单</translation>
    </message>
    <message>
        <source>Refund review (working days)</source>
        <translation>退款审核期限（工作日）</translation>
    </message>
    <message>
        <source>line {line}: write a device type, a colon and months, e.g. &quot;phone: 12&quot;.</source>
        <translation>第 {line} 行：请写设备类型、冒号和月数，例如“手机：12”。</translation>
    </message>
    <message>
        <source>line {line}: {name} is already listed above.</source>
        <translation>第 {line} 行：{name} 已在上面列出，每种设备类型只写一行。</translation>
    </message>
    <message>
        <source>name at least one device type.</source>
        <translation>至少填写一种设备类型。</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <source>Part name</source>
        <translation>备件名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Cost price</source>
        <translation>成本价</translation>
    </message>
    <message>
        <source>Sale price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Fits models</source>
        <translation>适用机型</translation>
    </message>
    <message>
        <source>pcs</source>
        <translation>件</translation>
    </message>
    <message>
        <source>No supplier is named “{name}”.</source>
        <translation>没有名为“{name}”的供应商。</translation>
    </message>
    <message>
        <source>“{value}” is already in the catalogue.</source>
        <translation>“{value}”已在备件目录中。</translation>
    </message>
    <message>
        <source>No part has the SKU or barcode “{code}”.</source>
        <translation>没有货号或条码为“{code}”的备件。</translation>
    </message>
    <message>
        <source>“{value}” is already a supplier.</source>
        <translation>“{value}”已是供应商。</translation>
    </message>
    <message>
        <source>“{value}” already names another part.</source>
        <translation>“{value}”已用于另一个备件。</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Supplier name</source>
        <translation>供应商名称</translation>
    </message>
    <message>
        <source>Lead time (days)</source>
        <translation>供货周期（天）</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Supplier {id} does not exist.</source>
        <translation>供应商 {id} 不存在。</translation>
    </message>
    <message>
        <source>Supplier {name} was changed by someone else after you opened it. Nothing was saved; reopen it to see their change.</source>
        <translation>在您打开后，供应商 {name} 已被他人修改。未保存任何内容；请重新打开查看对方的修改。</translation>
    </message>
    <message>
        <source>Part {sku} was changed by someone else after you opened it. Nothing was saved; reopen it to see their change.</source>
        <translation>在您打开后，备件 {sku} 已被他人修改。未保存任何内容；请重新打开查看对方的修改。</translation>
    </message>
    <message>
        <source>supplier {id} does not exist.</source>
        <translation>供应商 {id} 不存在。</translation>
    </message>
    <message>
        <source>Part {id} does not exist.</source>
        <translation>备件 {id} 不存在。</translation>
    </message>
    <message>
        <source>Stocktake count sheet</source>
        <translation>库存盘点表</translation>
    </message>
    <message>
        <source>Count no.</source>
        <translation>盘点单号</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Only</source>
        <translation>仅限</translation>
    </message>
    <message>
        <source>category {value}</source>
        <translation>类别 {value}</translation>
    </message>
    <message>
        <source>bins {value}…</source>
        <translation>货位 {value}…</translation>
    </message>
    <message>
        <source>Count every part where it lies and write the number in the Counted column, 0 if there is none. Parts on the shelf that are not listed go in the rows at the end.</source>
        <translation>请在原货位逐一清点每个备件，将数量填入“实盘数量”栏，没有则填 0。货架上有但表中未列出的备件，请填写在表末的空行中。</translation>
    </message>
    <message>
        <source>Count every part where it lies and write the number in the Counted column, 0 if there is none. Parts of these bins or this category that are not listed go in the rows at the end; a part kept elsewhere is not counted here.</source>
        <translation>请在原货位逐一清点每个备件，将数量填入“实盘数量”栏，没有则填 0。属于这些货位或该类别但表中未列出的备件，请填写在表末的空行中；存放在其他位置的备件不在本表盘点。</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>货位</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>账面数量</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实盘数量</translation>
    </message>
    <message>
        <source>No parts are listed for this count.</source>
        <translation>本次盘点没有列出任何备件。</translation>
    </message>
    <message>
        <source>Found, not listed</source>
        <translation>表外发现的备件</translation>
    </message>
    <message>
        <source>Counted by (name, date)</source>
        <translation>盘点人（姓名、日期）</translation>
    </message>
    <message>
        <source>Checked by (name, date)</source>
        <translation>复核人（姓名、日期）</translation>
    </message>
    <message>
        <source>Barcodes</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>“{field}” is not a field the import knows.</source>
        <translation>“{field}”不是导入可识别的字段。</translation>
    </message>
    <message>
        <source>“{value}” is neither yes nor no.</source>
        <translation>“{value}”既不是“是”也不是“否”。</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Row {row}, {column}: {problem}</source>
        <translation>第 {row} 行，{column}：{problem}</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>资产编号</translation>
    </message>
    <message>
        <source>Writing the register</source>
        <translation>正在写入设备台账</translation>
    </message>
    <message>
        <source>The column chosen for {field} is not in the file.</source>
        <translation>为“{field}”选择的列不在文件中。</translation>
    </message>
    <message>
        <source>There is no outlet yet; set one up before importing equipment.</source>
        <translation>还没有网点；请先设置网点，再导入设备。</translation>
    </message>
    <message>
        <source>{tag} is already on row {row} of this file.</source>
        <translation>{tag} 已在本文件第 {row} 行出现。</translation>
    </message>
    <message>
        <source>{tag} is not in the register; tags starting EQ- are given by OutletDesk. Leave the tag empty to add the asset with a new tag.</source>
        <translation>设备台账中没有 {tag}；以 EQ- 开头的资产编号由 OutletDesk 生成。若要新增该设备，请将资产编号留空，系统会分配新编号。</translation>
    </message>
    <message>
        <source>there is no outlet with the code or name “{outlet}”.</source>
        <translation>没有代码或名称为“{outlet}”的网点。</translation>
    </message>
    <message>
        <source>is required: give the outlet code, or the outlet to import into.</source>
        <translation>必填：请填写网点代码，或选择导入到哪个网点。</translation>
    </message>
    <message>
        <source>is required for a new asset.</source>
        <translation>新增设备时必填。</translation>
    </message>
    <message>
        <source>“{category}” is not a category in OutletDesk; use an existing category, or allow the new categories to be created.</source>
        <translation>OutletDesk 中没有“{category}”这个类别；请使用已有类别，或允许新建这些类别。</translation>
    </message>
    <message>
        <source>“{category}” could be any of: {categories}; give the category&apos;s full name.</source>
        <translation>“{category}”可能是以下任一类别：{categories}；请填写类别的完整名称。</translation>
    </message>
    <message>
        <source>serial number {serial} is already on row {row} of this file.</source>
        <translation>序列号 {serial} 已出现在本文件第 {row} 行。</translation>
    </message>
    <message>
        <source>serial number {serial} belongs to several assets ({tags}); give the tag of the one meant.</source>
        <translation>序列号 {serial} 对应多台设备（{tags}）；请填写所指设备的资产编号。</translation>
    </message>
    <message>
        <source>“{value}” is not one of: {allowed}.</source>
        <translation>“{value}”不在可选范围内：{allowed}。</translation>
    </message>
    <message>
        <source>“{value}”: letters, digits and . _ / - only.</source>
        <translation>“{value}”：只能包含字母、数字和 . _ / -。</translation>
    </message>
    <message>
        <source>{first} and {second} cannot both come from one column.</source>
        <translation>“{first}”和“{second}”不能取自同一列。</translation>
    </message>
    <message>
        <source>{name} has no {field} column (looked for a header row with {fields}). Add the header row or choose the column; nothing was imported.</source>
        <translation>{name} 中没有“{field}”列（查找的是含有 {fields} 的表头行）。请添加表头行或指定该列；未导入任何内容。</translation>
    </message>
    <message>
        <source>is a formula; the import takes values only (paste the values in the spreadsheet).</source>
        <translation>是公式；导入只接受数值（请在表格中“粘贴为数值”）。</translation>
    </message>
    <message>
        <source>Checking the rows</source>
        <translation>正在检查各行</translation>
    </message>
    <message>
        <source>Writing the parts</source>
        <translation>正在写入备件</translation>
    </message>
    <message>
        <source>{sku} is already on row {row} of this file.</source>
        <translation>{sku} 已在本文件第 {row} 行出现。</translation>
    </message>
    <message>
        <source>“{code}” is already the barcode of {sku}.</source>
        <translation>“{code}”已是 {sku} 的条码。</translation>
    </message>
    <message>
        <source>{name} is not an .xlsx or .csv file. Save it from the spreadsheet as Excel workbook (.xlsx) or CSV UTF-8 and import that.</source>
        <translation>{name} 不是 .xlsx 或 .csv 文件。请在表格软件中另存为 Excel 工作簿（.xlsx）或 CSV UTF-8 后再导入。</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>{name} 是空文件。</translation>
    </message>
    <message>
        <source>{name} holds no rows.</source>
        <translation>{name} 中没有数据行。</translation>
    </message>
    <message>
        <source>{name} has more than {max} rows; split it into smaller files.</source>
        <translation>{name} 超过 {max} 行；请拆分成较小的文件。</translation>
    </message>
    <message>
        <source>{name} is not an Excel workbook or it is damaged. Open it in the spreadsheet and save it again as .xlsx.</source>
        <translation>{name} 不是 Excel 工作簿或已损坏。请在表格软件中打开并重新另存为 .xlsx。</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text. Save it from the spreadsheet as CSV UTF-8 (or as .xlsx) and import that.</source>
        <translation>{name} 不是 UTF-8 文本。请在表格软件中另存为 CSV UTF-8（或 .xlsx）后再导入。</translation>
    </message>
    <message>
        <source>{name} is not a text file.</source>
        <translation>{name} 不是文本文件。</translation>
    </message>
    <message>
        <source>{name} cannot be read as CSV: {detail}</source>
        <translation>{name} 无法按 CSV 读取：{detail}</translation>
    </message>
    <message>
        <source>Location code</source>
        <translation>库位代码</translation>
    </message>
    <message>
        <source>Location name</source>
        <translation>库位名称</translation>
    </message>
    <message>
        <source>{code} is already a location of this outlet.</source>
        <translation>{code}已是本网点的库位。</translation>
    </message>
    <message>
        <source>The main store of an outlet cannot be retired.</source>
        <translation>网点的主仓库不能停用。</translation>
    </message>
    <message>
        <source>{location} still holds {units} units; move or scrap them first.</source>
        <translation>{location}仍有{units}件库存；请先移库或报废。</translation>
    </message>
    <message>
        <source>Count {number} of {location} is open; post or cancel it first.</source>
        <translation>{location}的盘点单{number}尚未完成；请先过账或取消。</translation>
    </message>
    <message>
        <source>Parts taken from {location} are out on open work orders {orders}; they come back to it if a line is removed or the order cancelled. Hand those orders back, cancel them or take their parts from another location first.</source>
        <translation>未结工单 {orders} 有从{location}领出的备件；删除备件行或取消工单时，备件会退回该库位。请先将这些工单交付取件或取消，或改为从其他库位领料。</translation>
    </message>
    <message>
        <source>Parts taken from {location} are out on open work orders {orders} and {more} more; they come back to it if a line is removed or the order cancelled. Hand those orders back, cancel them or take their parts from another location first.</source>
        <translation>未结工单 {orders} 等（另有 {more} 张）有从{location}领出的备件；删除备件行或取消工单时，备件会退回该库位。请先将这些工单交付取件或取消，或改为从其他库位领料。</translation>
    </message>
    <message>
        <source>Stock location {id} does not exist.</source>
        <translation>库位{id}不存在。</translation>
    </message>
    <message>
        <source>{file} line {line}, {column}: {problem}</source>
        <translation>{file} 第 {line} 行，{column}：{problem}</translation>
    </message>
    <message>
        <source>Reading the maintenance history</source>
        <translation>正在读取维护历史</translation>
    </message>
    <message>
        <source>Writing the maintenance records</source>
        <translation>正在写入维护记录</translation>
    </message>
    <message>
        <source>{path} is not a folder.</source>
        <translation>{path} 不是文件夹。</translation>
    </message>
    <message>
        <source>{name} is not in {path}; the maintenance history needs {files}.</source>
        <translation>{path} 中没有 {name}；导入维护历史需要 {files}。</translation>
    </message>
    <message>
        <source>the column is missing (the header reads {header}).</source>
        <translation>缺少该列（表头为 {header}）。</translation>
    </message>
    <message>
        <source>the line has {count} values; the header has {n}.</source>
        <translation>该行有 {count} 个值，表头有 {n} 列。</translation>
    </message>
    <message>
        <source>machine {id} is already on line {line}.</source>
        <translation>机器 {id} 已在第 {line} 行出现。</translation>
    </message>
    <message>
        <source>“{value}” is not a machine number (1 or more).</source>
        <translation>“{value}”不是机器编号（应为 1 或更大的整数）。</translation>
    </message>
    <message>
        <source>“{value}” is not a date and time (YYYY-MM-DD HH:MM:SS).</source>
        <translation>“{value}”不是日期时间（YYYY-MM-DD HH:MM:SS）。</translation>
    </message>
    <message>
        <source>machine {id} is not in {file}.</source>
        <translation>{file} 中没有机器 {id}。</translation>
    </message>
    <message>
        <source>the same as line {line}.</source>
        <translation>与第 {line} 行重复。</translation>
    </message>
    <message>
        <source>{value} is not between 1950 and today.</source>
        <translation>{value} 不在 1950 年至今天之间。</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}：{value}</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Database problem</source>
        <translation>数据库问题</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>无法执行该操作</translation>
    </message>
</context>
<context>
    <name>exporting</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>label_printing</name>
    <message>
        <source>Label 40 × 20 mm</source>
        <translation>标签 40 × 20 毫米</translation>
    </message>
    <message>
        <source>Label 62 × 29 mm</source>
        <translation>标签 62 × 29 毫米</translation>
    </message>
    <message>
        <source>A4 sheet, 24 labels (3 × 8)</source>
        <translation>A4 标签纸，每页 24 张（3 × 8）</translation>
    </message>
</context>
<context>
    <name>work_orders</name>
    <message>
        <source>Urgent</source>
        <translation>加急</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>到店</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转账</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>定金</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Excess deposit returned</source>
        <translation>退还多余定金</translation>
    </message>
    <message>
        <source>Labour</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>备件</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Awaiting review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>first judgement</source>
        <translation>初步判断</translation>
    </message>
    <message>
        <source>repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>follow-up call</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Rework: back within repair warranty of {number}</source>
        <translation>返修：在 {number} 的维修保修期内返回</translation>
    </message>
    <message>
        <source>Rework: back within repair warranty of {number} (until {until})</source>
        <translation>返修：在 {number} 的维修保修期内返回（至 {until}）</translation>
    </message>
    <message>
        <source>Manufacturer warranty</source>
        <translation>厂家保修</translation>
    </message>
    <message>
        <source>Manufacturer warranty until {until}</source>
        <translation>厂家保修至 {until}</translation>
    </message>
    <message>
        <source>No warranty: chargeable</source>
        <translation>不在保修期内：收费</translation>
    </message>
    <message>
        <source>nothing due</source>
        <translation>无待办时限</translation>
    </message>
    <message>
        <source>{what} due {when}</source>
        <translation>{what}截止 {when}</translation>
    </message>
    <message>
        <source>OVERDUE: {text}</source>
        <translation>已超时：{text}</translation>
    </message>
    <message>
        <source>Intake receipt</source>
        <translation>接收小票</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>Hand-back receipt</source>
        <translation>交付小票</translation>
    </message>
    <message>
        <source>Device label</source>
        <translation>设备标签</translation>
    </message>
    <message>
        <source>Preparing {what}…</source>
        <translation>正在准备{what}…</translation>
    </message>
</context>
</TS>
