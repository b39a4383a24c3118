<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ComingLaterPage</name>
    <message>
        <source>Coming in a later version. This page holds no data yet.</source>
        <translation>将在后续版本中提供。本页面暂无数据。</translation>
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
        <translation>按姓名或电话号码搜索 (Ctrl+F)</translation>
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
    <message>
        <source>{total} customers</source>
        <translation>共 {total} 位客户</translation>
    </message>
    <message>
        <source>Select a customer to see their details.</source>
        <translation>选择一位客户以查看详细信息。</translation>
    </message>
    <message>
        <source>Repair history</source>
        <translation>维修记录</translation>
    </message>
    <message>
        <source>Work orders arrive in a later version; this customer&apos;s repairs will be listed here.</source>
        <translation>维修工单将在后续版本中提供；届时此处将列出该客户的维修记录。</translation>
    </message>
    <message>
        <source>{count} customers written to {path}</source>
        <translation>已将 {count} 位客户写入 {path}</translation>
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
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
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
        <source>Intake, diagnosis, parts and labour, hand-back, payment and follow-up of repair work orders.</source>
        <translation>维修工单的接收登记、检测诊断、配件与工时、交付取件、收款及回访。</translation>
    </message>
    <message>
        <source>Parts &amp; stock</source>
        <translation>备件与库存</translation>
    </message>
    <message>
        <source>Spare parts catalogue, stock per outlet, receiving, transfers, stocktake and reordering.</source>
        <translation>备件目录、各网点库存、收货、调拨、盘点和补货。</translation>
    </message>
    <message>
        <source>Equipment &amp; maintenance</source>
        <translation>设备与维护</translation>
    </message>
    <message>
        <source>Equipment register, maintenance plans, due list and upkeep logs.</source>
        <translation>设备台账、维护计划、到期清单和保养记录。</translation>
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
        <translation>打印 (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Save as PDF (Ctrl+S)</source>
        <translation>另存为 PDF (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
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
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
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
    <name>core</name>
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
        <source>Outlet {id} does not exist.</source>
        <translation>网点 {id} 不存在。</translation>
    </message>
    <message>
        <source>There is no outlet with code {code!r}.</source>
        <translation>没有代码为 {code!r} 的网点。</translation>
    </message>
    <message>
        <source>Outlet {code} was changed by someone else since you opened it. Nothing was saved; reopen it to see their change.</source>
        <translation>在您打开网点 {code} 之后，其他人修改了它。未保存任何内容；请重新打开以查看其修改。</translation>
    </message>
    <message>
        <source>{code!r} is already used by another outlet.</source>
        <translation>{code!r} 已被其他网点使用。</translation>
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
        <source>{value!r} is not a receipt paper size; use one of: {allowed}.</source>
        <translation>{value!r} 不是小票纸张尺寸；请使用以下之一：{allowed}。</translation>
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
        <source>{name!r} is already taken.</source>
        <translation>{name!r} 已被占用。</translation>
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
        <source>is required.</source>
        <translation>为必填项。</translation>
    </message>
    <message>
        <source>contains control characters.</source>
        <translation>包含控制字符。</translation>
    </message>
    <message>
        <source>may not start with {char!r} (it would read as a spreadsheet formula).</source>
        <translation>不能以 {char!r} 开头（会被电子表格当作公式）。</translation>
    </message>
    <message>
        <source>{value!r} is not a phone number (digits, spaces, + - ( ) only).</source>
        <translation>{value!r} 不是电话号码（只能包含数字、空格和 + - ( )）。</translation>
    </message>
    <message>
        <source>{value!r} must have 5 to 15 digits.</source>
        <translation>{value!r} 必须为 5 到 15 位数字。</translation>
    </message>
    <message>
        <source>{value!r} is not an e-mail address.</source>
        <translation>{value!r} 不是有效的电子邮件地址。</translation>
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
        <source>{value!r} is not one of: {allowed}.</source>
        <translation>{value!r} 不在可选范围内：{allowed}。</translation>
    </message>
    <message>
        <source>must be an exact amount.</source>
        <translation>必须是精确金额。</translation>
    </message>
    <message>
        <source>{value!r} is not an amount.</source>
        <translation>{value!r} 不是金额。</translation>
    </message>
    <message>
        <source>has more than 2 decimals.</source>
        <translation>小数位超过 2 位。</translation>
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
        <source>{value!r} is not a whole number.</source>
        <translation>{value!r} 不是整数。</translation>
    </message>
    <message>
        <source>must be between {minimum} and {maximum}.</source>
        <translation>必须介于 {minimum} 和 {maximum} 之间。</translation>
    </message>
    <message>
        <source>This database belongs to a working outlet (it has users and was not made by the demo command); demo data is not added to it.</source>
        <translation>该数据库属于正在使用的网点（已有用户，且不是由演示命令创建的）；不会向其中添加演示数据。</translation>
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
</TS>
