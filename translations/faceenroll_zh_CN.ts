<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QCommandLineParser</name>
    <message>
        <source>Usage: %1</source>
        <translation>用法：%1</translation>
    </message>
    <message>
        <source>[options]</source>
        <translation>[选项]</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>参数：</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>--db PATH --user U [--status flagged]  enrollments, one per line (no biometric data)</source>
        <translation>--db PATH --user U [--status flagged]  列出登记记录，每行一条（不含生物特征数据）</translation>
    </message>
    <message>
        <source>ID --db PATH --user U  one enrollment&apos;s record (no biometric data)</source>
        <translation>ID --db PATH --user U  查看一条登记记录（不含生物特征数据）</translation>
    </message>
    <message>
        <source>--db PATH --user SUP --enrollment ID --decision approve|reject --reason TEXT  decide a flagged enrollment</source>
        <translation>--db PATH --user SUP --enrollment ID --decision approve|reject --reason TEXT  审核一条被标记的登记记录</translation>
    </message>
    <message>
        <source>--db PATH --admin NAME [--station NAME]  create an encrypted store; prints the recovery key once</source>
        <translation>--db PATH --admin NAME [--station NAME]  创建加密数据库；恢复密钥仅显示一次</translation>
    </message>
    <message>
        <source>add NAME --role ROLE | list | disable NAME | passwd [NAME]  --db PATH --user ACTOR  manage users</source>
        <translation>add NAME --role ROLE | list | disable NAME | passwd [NAME]  --db PATH --user ACTOR  管理用户</translation>
    </message>
    <message>
        <source>verify | list [--from SEQ] [--limit N]  --db PATH --user ACTOR  check or show the audit chain</source>
        <translation>verify | list [--from SEQ] [--limit N]  --db PATH --user ACTOR  校验或查看审计日志链</translation>
    </message>
    <message>
        <source>--db PATH --user ACTOR [--now]  remove biometric data of receipted enrollments</source>
        <translation>--db PATH --user ACTOR [--now]  清除已获回执的登记记录中的生物特征数据</translation>
    </message>
    <message>
        <source>--db PATH --recovery-key-file F --new-admin NAME --new-password-file F  regain access</source>
        <translation>--db PATH --recovery-key-file F --new-admin NAME --new-password-file F  恢复访问权限</translation>
    </message>
    <message>
        <source>--db PATH --user ACTOR  rotate the database key</source>
        <translation>--db PATH --user ACTOR  更换数据库密钥</translation>
    </message>
    <message>
        <source>list | set KEY VALUE  --db PATH --user ACTOR  station settings</source>
        <translation>list | set KEY VALUE  --db PATH --user ACTOR  工作站设置</translation>
    </message>
    <message>
        <source>--db PATH --user ACTOR  SQLCipher version, schema, counts, integrity</source>
        <translation>--db PATH --user ACTOR  SQLCipher 版本、数据库结构、记录数、完整性</translation>
    </message>
    <message>
        <source>INPUT [--max-frames N] [--resize WxH] [--quality-profile NAME]  per-frame face analysis</source>
        <translation>INPUT [--max-frames N] [--resize WxH] [--quality-profile NAME]  逐帧人脸分析</translation>
    </message>
    <message>
        <source>IMAGE [--quality-profile NAME]  face template of an image</source>
        <translation>IMAGE [--quality-profile NAME]  计算图像的人脸特征模板</translation>
    </message>
    <message>
        <source>INPUT [--frames N] [--resize WxH] [--runs R]  tracked pipeline vs naive baseline</source>
        <translation>INPUT [--frames N] [--resize WxH] [--runs R]  跟踪流水线与朴素基线的性能对比</translation>
    </message>
    <message>
        <source>PAIRS.csv [--false-flags-per-1000 E] [--gallery-sizes LIST]  impostor tail, thresholds per gallery size, cohort scores</source>
        <translation>PAIRS.csv [--false-flags-per-1000 E] [--gallery-sizes LIST]  冒认分数尾部、按人脸库规模的阈值、同组分数</translation>
    </message>
    <message>
        <source>--db PATH --user SUP --out FILE --all-pending | --enrollment ID... | --bundle ID  write a signed, encrypted bundle for removable media</source>
        <translation>--db PATH --user SUP --out FILE --all-pending | --enrollment ID... | --bundle ID  写出用于移动介质的已签名、已加密数据包</translation>
    </message>
    <message>
        <source>--db PATH --user SUP FILE  check a bundle from another station and put it in the outbox</source>
        <translation>--db PATH --user SUP FILE  检查来自其他工作站的数据包并放入发件箱</translation>
    </message>
    <message>
        <source>--db PATH --user SUP --url URL  send the outbox and the queue to the central service; record its receipts</source>
        <translation>--db PATH --user SUP --url URL  将发件箱和队列发送到中心服务；记录其回执</translation>
    </message>
    <message>
        <source>FILE [--trust TRUSTLIST]  check a bundle&apos;s integrity and signature (no key needed)</source>
        <translation>FILE [--trust TRUSTLIST]  检查数据包的完整性和签名（无需密钥）</translation>
    </message>
    <message>
        <source>set-central FILE | export-station-public [--out FILE]  --db PATH --user U  central key, station key</source>
        <translation>set-central FILE | export-station-public [--out FILE]  --db PATH --user U  中心密钥、工作站密钥</translation>
    </message>
    <message>
        <source>import FILE | list  --db PATH --user ADMIN  stations whose bundles this one relays</source>
        <translation>import FILE | list  --db PATH --user ADMIN  本工作站为其中转数据包的工作站</translation>
    </message>
    <message>
        <source>export --out FILE [--station ID] | import FILE  --db PATH --user SUP  hand receipts back to the stations whose bundles were relayed</source>
        <translation>export --out FILE [--station ID] | import FILE  --db PATH --user SUP  将回执交还给其数据包经中转的工作站</translation>
    </message>
    <message>
        <source>A B [--purpose document|duplicate] [--gallery-size N] [--threshold T]  compare the faces of two images or videos under the station&apos;s rule</source>
        <translation>A B [--purpose document|duplicate] [--gallery-size N] [--threshold T]  按本站规则比对两张图像或两段视频中的人脸</translation>
    </message>
    <message>
        <source>--db PATH --user OP [--password-file FILE] [--lock-timeout S] --live VIDEO [--live-start S] [--live-seconds S] --id-photo IMAGE|VIDEO [--id-photo-frame N] --subject-file FILE|- | --name NAME --document-type T --document-number N --phone E164 [--date-of-birth DATE] [--region CC]  --consent yes|no [--notice-version V] [--language LANG] [--mode challenge|spontaneous] [--challenges LIST] [--quality-profile NAME] [--allow-low-quality] [--id-photo-override]  enroll a customer</source>
        <translation>--db PATH --user OP [--password-file FILE] [--lock-timeout S] --live VIDEO [--live-start S] [--live-seconds S] --id-photo IMAGE|VIDEO [--id-photo-frame N] --subject-file FILE|- | --name NAME --document-type T --document-number N --phone E164 [--date-of-birth DATE] [--region CC]  --consent yes|no [--notice-version V] [--language LANG] [--mode challenge|spontaneous] [--challenges LIST] [--quality-profile NAME] [--allow-low-quality] [--id-photo-override]  登记一位客户</translation>
    </message>
    <message>
        <source>INPUT [--mode challenge|spontaneous] [--challenges LIST] [--portrait OUT.jpg [--force]]  liveness verdict and portrait</source>
        <translation>INPUT [--mode challenge|spontaneous] [--challenges LIST] [--portrait OUT.jpg [--force]]  活体检测结论与人像照片</translation>
    </message>
</context>
<context>
    <name>faceenroll</name>
    <message>
        <source>FaceEnroll workstation</source>
        <translation>FaceEnroll 工作站</translation>
    </message>
    <message>
        <source>Use the demo camera: FILE (a video played in a loop, or an image), default the bundled franck.mp4.</source>
        <translation>使用演示摄像头：FILE（循环播放的视频或一张图片），默认为随附的 franck.mp4。</translation>
    </message>
    <message>
        <source>Run the live capture view for SECONDS and print its figures as JSON.</source>
        <translation>运行现场采集画面 SECONDS 秒，并以 JSON 输出其测量数据。</translation>
    </message>
    <message>
        <source>Where the station&apos;s database lives.</source>
        <translation>工作站数据库所在的目录。</translation>
    </message>
    <message>
        <source>en or zh_CN (default: as last chosen).</source>
        <translation>en 或 zh_CN（默认：上次的选择）。</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;; see --help</source>
        <translation>意外的参数“%1”；请参阅 --help</translation>
    </message>
    <message>
        <source>--measure takes a number of seconds from 1 to 3600</source>
        <translation>--measure 需要 1 到 3600 之间的秒数</translation>
    </message>
    <message>
        <source>the demo camera file %1 does not exist</source>
        <translation>演示摄像头文件 %1 不存在</translation>
    </message>
    <message>
        <source>no demo video at %1; run scripts/fetch-assets</source>
        <translation>%1 处没有演示视频；请运行 scripts/fetch-assets</translation>
    </message>
</context>
<context>
    <name>fe::Error</name>
    <message>
        <source>The live video %1 has no frames in the chosen window.</source>
        <translation>现场视频 %1 在所选时间段内没有任何帧。</translation>
    </message>
    <message>
        <source>%1 has no frame %2.</source>
        <translation>%1 中没有第 %2 帧。</translation>
    </message>
    <message>
        <source>Cannot read the pairs file %1.</source>
        <translation>无法读取样本对文件 %1。</translation>
    </message>
    <message>
        <source>No face was found in %1.</source>
        <translation>%1 中未检测到人脸。</translation>
    </message>
    <message>
        <source>The landmark model %1 (from FACEENROLL_LANDMARK_MODEL) does not exist.</source>
        <translation>特征点模型 %1（由 FACEENROLL_LANDMARK_MODEL 指定）不存在。</translation>
    </message>
    <message>
        <source>The landmark model %1 is missing. Install it with scripts/setup (Debian package libdlib-data).</source>
        <translation>缺少特征点模型 %1。请用 scripts/setup 安装（Debian 软件包 libdlib-data）。</translation>
    </message>
    <message>
        <source>The asset %1 is missing. Fetch it with scripts/fetch-assets (or set FACEENROLL_ASSETS to the folder that holds it).</source>
        <translation>缺少资源文件 %1。请用 scripts/fetch-assets 获取（或将 FACEENROLL_ASSETS 设为存放该文件的文件夹）。</translation>
    </message>
    <message>
        <source>The customer&apos;s name is missing.</source>
        <translation>缺少客户姓名。</translation>
    </message>
    <message>
        <source>The document type and number are both needed.</source>
        <translation>证件类型和证件号码都必须填写。</translation>
    </message>
    <message>
        <source>The phone number is not a valid number; type it with its country code, e.g. +86.</source>
        <translation>手机号码无效；请连同国家代码一起输入，例如 +86。</translation>
    </message>
    <message>
        <source>The operator must confirm that the customer gave consent.</source>
        <translation>操作员必须确认客户已给予知情同意。</translation>
    </message>
    <message>
        <source>No face was found on the ID-document photo; capture it again, flat and well lit.</source>
        <translation>证件照片中未检测到人脸；请将证件放平，在光线充足处重新拍摄。</translation>
    </message>
    <message>
        <source>No live frame passed the quality check (most often: %1); capture again.</source>
        <translation>没有任何现场画面通过质量检查（最常见原因：%1）；请重新采集。</translation>
    </message>
    <message>
        <source>The portrait is below the quality gate; capture again or confirm the override.</source>
        <translation>人像照片未达到质量门槛；请重新采集，或确认强制保留。</translation>
    </message>
    <message>
        <source>A review decision needs a reason.</source>
        <translation>审核决定必须填写理由。</translation>
    </message>
    <message>
        <source>The liveness session has already finished.</source>
        <translation>本次活体检测已经结束。</translation>
    </message>
    <message>
        <source>Calibration needs both genuine and impostor pairs (got %1 and %2).</source>
        <translation>校准需要同时提供同人样本对和异人样本对（当前分别为 %1 对和 %2 对）。</translation>
    </message>
    <message>
        <source>A template has %1 values; the gallery holds %2-value templates.</source>
        <translation>人脸特征模板含 %1 个数值，而人脸库中的模板为 %2 个数值。</translation>
    </message>
    <message>
        <source>A template holds a value that is not a finite number.</source>
        <translation>人脸特征模板中含有非有限数值。</translation>
    </message>
    <message>
        <source>A template is all zeros.</source>
        <translation>人脸特征模板全为零。</translation>
    </message>
    <message>
        <source>Audit rows are appended inside a write transaction.</source>
        <translation>审计日志记录只能在写事务中追加。</translation>
    </message>
    <message>
        <source>The last audit row (%1) holds no valid hash.</source>
        <translation>最后一条审计日志记录（%1）没有有效的哈希值。</translation>
    </message>
    <message>
        <source>Row %1 follows row %2: rows are missing or were inserted.</source>
        <translation>第 %1 条记录紧接在第 %2 条之后：审计日志记录有缺失或被插入。</translation>
    </message>
    <message>
        <source>Row %1 does not match its hash: it was changed after it was written.</source>
        <translation>第 %1 条记录与其哈希值不符：写入后曾被修改。</translation>
    </message>
    <message>
        <source>opening the database</source>
        <translation>打开数据库时</translation>
    </message>
    <message>
        <source>A database key must be %1 bytes.</source>
        <translation>数据库密钥必须为 %1 字节。</translation>
    </message>
    <message>
        <source>setting the database key</source>
        <translation>设置数据库密钥时</translation>
    </message>
    <message>
        <source>This build is linked against SQLite without SQLCipher; refusing to open %1.</source>
        <translation>此版本链接的是不带 SQLCipher 的 SQLite；拒绝打开 %1。</translation>
    </message>
    <message>
        <source>The database %1 could not be switched to WAL mode.</source>
        <translation>无法将数据库 %1 切换到 WAL 模式。</translation>
    </message>
    <message>
        <source>running SQL</source>
        <translation>执行 SQL 时</translation>
    </message>
    <message>
        <source>rotating the database key</source>
        <translation>更换数据库密钥时</translation>
    </message>
    <message>
        <source>checkpointing the write-ahead log</source>
        <translation>对预写日志（WAL）执行检查点时</translation>
    </message>
    <message>
        <source>The disk is full (%1; SQLite: %2).</source>
        <translation>磁盘已满（%1；SQLite：%2）。</translation>
    </message>
    <message>
        <source>The database is damaged or was altered (%1; SQLite: %2); no data was returned from the damaged part.</source>
        <translation>数据库已损坏或被篡改（%1；SQLite：%2）；未返回损坏部分的任何数据。</translation>
    </message>
    <message>
        <source>The database files could not be read or written (%1; SQLite: %2).</source>
        <translation>无法读写数据库文件（%1；SQLite：%2）。</translation>
    </message>
    <message>
        <source>The database is busy: another FaceEnroll process is writing (%1; SQLite: %2).</source>
        <translation>数据库正忙：另一个 FaceEnroll 进程正在写入（%1；SQLite：%2）。</translation>
    </message>
    <message>
        <source>The change conflicts with stored data (%1; SQLite: %2).</source>
        <translation>此项更改与已存储的数据冲突（%1；SQLite：%2）。</translation>
    </message>
    <message>
        <source>The database reported an error (%1; SQLite: %2).</source>
        <translation>数据库报告错误（%1；SQLite：%2）。</translation>
    </message>
    <message>
        <source>A stored template has %1 values where %2 were recorded.</source>
        <translation>已存储的人脸特征模板含 %1 个数值，而记录的数值个数为 %2。</translation>
    </message>
    <message>
        <source>A stored template is not a whole number of float values.</source>
        <translation>已存储的人脸特征模板长度不是 float 数值大小的整数倍。</translation>
    </message>
    <message>
        <source>The disk is full: %1 could not be written.</source>
        <translation>磁盘已满：无法写入 %1。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation>无法打开 %1：%2。</translation>
    </message>
    <message>
        <source>Cannot lock %1: %2.</source>
        <translation>无法锁定 %1：%2。</translation>
    </message>
    <message>
        <source>%1 is on a read-only file system.</source>
        <translation>%1 位于只读文件系统上。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>Cannot sync %1 to disk: %2.</source>
        <translation>无法将 %1 同步到磁盘：%2。</translation>
    </message>
    <message>
        <source>Cannot create a temporary file beside %1: %2.</source>
        <translation>无法在 %1 旁创建临时文件：%2。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <source>Cannot replace %1: %2.</source>
        <translation>无法替换 %1：%2。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>The directory %1 does not exist.</source>
        <translation>目录 %1 不存在。</translation>
    </message>
    <message>
        <source>The directory %1 is on a read-only file system; the store must write its journal and key file there.</source>
        <translation>目录 %1 位于只读文件系统上；加密数据库必须在该目录中写入日志和密钥文件。</translation>
    </message>
    <message>
        <source>The directory %1 is not writable (%2); the store must write its journal and key file there.</source>
        <translation>目录 %1 不可写（%2）；加密数据库必须在该目录中写入日志和密钥文件。</translation>
    </message>
    <message>
        <source>Cannot create %1: %2.</source>
        <translation>无法创建 %1：%2。</translation>
    </message>
    <message>
        <source>Argon2id parameters out of range (passes %1, memory %2 bytes).</source>
        <translation>Argon2id 参数超出范围（迭代次数 %1，内存 %2 字节）。</translation>
    </message>
    <message>
        <source>The key file %1 is missing; without it the database cannot be opened (restore it from the backup taken with the database).</source>
        <translation>密钥文件 %1 缺失；没有它就无法打开数据库（请从与数据库一同备份的副本中恢复）。</translation>
    </message>
    <message>
        <source>The key file %1 is damaged (line %2 fails its checksum); restore it from a backup, or use the recovery key.</source>
        <translation>密钥文件 %1 已损坏（第 %2 行校验失败）；请从备份中恢复，或使用恢复密钥。</translation>
    </message>
    <message>
        <source>The key file %1 is empty or not a FaceEnroll key file.</source>
        <translation>密钥文件 %1 为空，或不是 FaceEnroll 密钥文件。</translation>
    </message>
    <message>
        <source>The enrollment has no subject name.</source>
        <translation>登记记录缺少登记人姓名。</translation>
    </message>
    <message>
        <source>The enrollment needs a document type and number.</source>
        <translation>登记记录需要证件类型和证件号码。</translation>
    </message>
    <message>
        <source>The enrollment&apos;s phone number is not in E.164 form (+ and up to 15 digits).</source>
        <translation>登记记录中的手机号码不是 E.164 格式（“+”加最多 15 位数字）。</translation>
    </message>
    <message>
        <source>The enrollment&apos;s consent must be attested by the operator, with the notice version and language shown.</source>
        <translation>登记记录的知情同意必须由操作员确认，并注明所出示隐私告知的版本和语言。</translation>
    </message>
    <message>
        <source>The enrollment&apos;s portrait is not a JPEG image.</source>
        <translation>登记记录中的人像照片不是 JPEG 图像。</translation>
    </message>
    <message>
        <source>The enrollment&apos;s face template needs values, a model id and a model version.</source>
        <translation>登记记录中的人脸特征模板必须包含数值、模型 ID 和模型版本。</translation>
    </message>
    <message>
        <source>The enrollment&apos;s ID-document photo is not a JPEG image.</source>
        <translation>登记记录中的证件照片不是 JPEG 图像。</translation>
    </message>
    <message>
        <source>The enrollment&apos;s ID-document template needs values, a model id and a model version.</source>
        <translation>登记记录中证件照片的人脸特征模板必须包含数值、模型 ID 和模型版本。</translation>
    </message>
    <message>
        <source>The enrollment&apos;s liveness evidence holds a frame that is not a JPEG image.</source>
        <translation>登记记录的活体检测证据中有一帧不是 JPEG 图像。</translation>
    </message>
    <message>
        <source>The enrollment has no liveness verdict.</source>
        <translation>登记记录缺少活体检测结论。</translation>
    </message>
    <message>
        <source>The enrollment has a flag without a code.</source>
        <translation>登记记录中有一个未注明代码的标记。</translation>
    </message>
    <message>
        <source>A user name has 2 to %1 characters: lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>用户名须为 2 至 %1 个字符，只能包含小写字母、数字、“.”、“_”或“-”，并以字母或数字开头。</translation>
    </message>
    <message>
        <source>The database %1 was written by a newer FaceEnroll (schema version %2; this build knows up to %3). Update FaceEnroll.</source>
        <translation>数据库 %1 由更新版本的 FaceEnroll 写入（结构版本 %2；此版本最高支持 %3）。请升级 FaceEnroll。</translation>
    </message>
    <message>
        <source>libsodium could not be initialised.</source>
        <translation>无法初始化 libsodium。</translation>
    </message>
    <message>
        <source>A password needs %1 to %2 characters.</source>
        <translation>密码长度须为 %1 至 %2 个字符。</translation>
    </message>
    <message>
        <source>The session has ended; log in again.</source>
        <translation>会话已结束；请重新登录。</translation>
    </message>
    <message>
        <source>The session is locked; unlock it with the password of %1.</source>
        <translation>会话已锁定；请输入 %1 的密码解锁。</translation>
    </message>
    <message>
        <source>The session locked itself after %1 minute(s) without activity; unlock it with the password of %2.</source>
        <translation>会话在 %1 分钟无操作后已自动锁定；请输入 %2 的密码解锁。</translation>
    </message>
    <message>
        <source>The user name %1 is taken (disabled accounts keep their name for the audit trail).</source>
        <translation>用户名 %1 已被占用（已停用的账户仍保留其用户名，以便审计追溯）。</translation>
    </message>
    <message>
        <source>There is no user %1.</source>
        <translation>用户 %1 不存在。</translation>
    </message>
    <message>
        <source>The user %1 is already disabled.</source>
        <translation>用户 %1 已处于停用状态。</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>不能停用自己的账户。</translation>
    </message>
    <message>
        <source>The user %1 is the last active admin.</source>
        <translation>用户 %1 是最后一个启用中的管理员。</translation>
    </message>
    <message>
        <source>The user %1 is disabled.</source>
        <translation>用户 %1 已被停用。</translation>
    </message>
    <message>
        <source>An enrollment is recorded under the logged-in operator; leave operatorId empty.</source>
        <translation>登记记录会记在当前登录的操作员名下；请将 operatorId 留空。</translation>
    </message>
    <message>
        <source>An enrollment made here belongs to this station; leave stationId empty.</source>
        <translation>在本工作站进行的登记属于本工作站；请将 stationId 留空。</translation>
    </message>
    <message>
        <source>An enrollment id must be a lower-case UUID.</source>
        <translation>登记记录 ID 必须是小写的 UUID。</translation>
    </message>
    <message>
        <source>An enrollment with the id %1 exists already.</source>
        <translation>ID 为 %1 的登记记录已存在。</translation>
    </message>
    <message>
        <source>There is no enrollment %1.</source>
        <translation>登记记录 %1 不存在。</translation>
    </message>
    <message>
        <source>The enrollment %1 is not waiting for review (it is %2).</source>
        <translation>登记记录 %1 不在待审核状态（当前状态为 %2）。</translation>
    </message>
    <message>
        <source>The enrollment %1 is in the upload state &quot;%2&quot;, which does not allow this step.</source>
        <translation>登记记录 %1 的上传状态为“%2”，不允许执行此步骤。</translation>
    </message>
    <message>
        <source>A receipt needs the central service&apos;s receipt id.</source>
        <translation>回执必须包含中心服务的回执 ID。</translation>
    </message>
    <message>
        <source>The enrollment %1 has already left the station (%2); erasure must go through the central service.</source>
        <translation>登记记录 %1 已离开本工作站（%2）；删除（主体删除）必须通过中心服务办理。</translation>
    </message>
    <message>
        <source>Argon2id could not allocate %1 bytes; the machine is short of memory.</source>
        <translation>Argon2id 无法分配 %1 字节内存；本机内存不足。</translation>
    </message>
    <message>
        <source>A key slot holds an invalid public key.</source>
        <translation>某个密钥槽中的公钥无效。</translation>
    </message>
    <message>
        <source>That is not a recovery key: expected 64 hex digits (dashes and spaces allowed).</source>
        <translation>这不是恢复密钥：应为 64 位十六进制数字（允许包含连字符和空格）。</translation>
    </message>
    <message>
        <source>preparing a statement</source>
        <translation>准备 SQL 语句时</translation>
    </message>
    <message>
        <source>binding a parameter</source>
        <translation>绑定参数时</translation>
    </message>
    <message>
        <source>running a statement</source>
        <translation>执行 SQL 语句时</translation>
    </message>
    <message>
        <source>A statement that should return nothing returned a row.</source>
        <translation>本不应返回结果的 SQL 语句返回了一行数据。</translation>
    </message>
    <message>
        <source>%1 exists already; FaceEnroll will not overwrite it.</source>
        <translation>%1 已存在；FaceEnroll 不会覆盖它。</translation>
    </message>
    <message>
        <source>The new database %1 has no header.</source>
        <translation>新数据库 %1 没有文件头。</translation>
    </message>
    <message>
        <source>The key file %1 has no usable recovery slot.</source>
        <translation>密钥文件 %1 中没有可用的恢复密钥槽。</translation>
    </message>
    <message>
        <source>That recovery key does not open %1.</source>
        <translation>该恢复密钥无法打开 %1。</translation>
    </message>
    <message>
        <source>Nested transactions are not supported.</source>
        <translation>不支持嵌套事务。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>There is no FaceEnroll database at %1.</source>
        <translation>%1 处没有 FaceEnroll 数据库。</translation>
    </message>
    <message>
        <source>Wrong database for this key file: %1 was made for another database than %2.</source>
        <translation>数据库与密钥文件不匹配：%1 是为另一个数据库创建的，而不是 %2。</translation>
    </message>
    <message>
        <source>The key slot in %1 is damaged: the database key does not unwrap.</source>
        <translation>%1 中的密钥槽已损坏：无法解封数据库密钥。</translation>
    </message>
    <message>
        <source>The database %1 does not open with the key from %2: the database is damaged, or the key file belongs to another copy of it.</source>
        <translation>无法用 %2 中的密钥打开数据库 %1：数据库已损坏，或该密钥文件属于此数据库的另一个副本。</translation>
    </message>
    <message>
        <source>The account %1 is locked after repeated failed logins; try again in %2 minute(s).</source>
        <translation>账户 %1 因多次登录失败已被锁定；请在 %2 分钟后重试。</translation>
    </message>
    <message>
        <source>Face detection needs an 8-bit grey image.</source>
        <translation>人脸检测需要 8 位灰度图像。</translation>
    </message>
    <message>
        <source>The embedding model needs a 112x112 BGR crop; call alignForEmbedding() first.</source>
        <translation>特征提取模型需要 112x112 的 BGR 裁剪图像；请先调用 alignForEmbedding()。</translation>
    </message>
    <message>
        <source>The embedding model returned an empty vector.</source>
        <translation>特征提取模型返回了空向量。</translation>
    </message>
    <message>
        <source>Templates of different models or sizes cannot be compared (%1 vs %2).</source>
        <translation>不同模型或不同长度的人脸特征模板无法比对（%1 与 %2）。</translation>
    </message>
    <message>
        <source>Cannot load the embedding model %1.</source>
        <translation>无法加载特征提取模型 %1。</translation>
    </message>
    <message>
        <source>FrameAnalyzer needs a landmark model.</source>
        <translation>FrameAnalyzer 需要特征点模型。</translation>
    </message>
    <message>
        <source>A frame must be a non-empty 8-bit image.</source>
        <translation>每一帧都必须是非空的 8 位图像。</translation>
    </message>
    <message>
        <source>A frame must have 1, 3 or 4 channels.</source>
        <translation>每一帧必须有 1、3 或 4 个通道。</translation>
    </message>
    <message>
        <source>Cannot read the video %1: the file is not a video or is truncated.</source>
        <translation>无法读取视频 %1：该文件不是视频，或已被截断。</translation>
    </message>
    <message>
        <source>The video %1 contains no decodable frame.</source>
        <translation>视频 %1 中没有可解码的帧。</translation>
    </message>
    <message>
        <source>The video %1 ends after %2 of its %3 frames: it is truncated or corrupt.</source>
        <translation>视频 %1 共 %3 帧，但在第 %2 帧后就结束了：文件已被截断或损坏。</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>文件 %1 不存在。</translation>
    </message>
    <message>
        <source>The file %1 is empty.</source>
        <translation>文件 %1 为空。</translation>
    </message>
    <message>
        <source>The file %1 is not a readable image.</source>
        <translation>文件 %1 不是可读取的图像。</translation>
    </message>
    <message>
        <source>The image %1 is %2x%3 px; at least %4x%4 px are needed to find a face.</source>
        <translation>图像 %1 的尺寸为 %2x%3 像素；至少需要 %4x%4 像素才能检测人脸。</translation>
    </message>
    <message>
        <source>The folder %1 holds no images.</source>
        <translation>文件夹 %1 中没有图像。</translation>
    </message>
    <message>
        <source>Cannot open the landmark model %1.</source>
        <translation>无法打开特征点模型 %1。</translation>
    </message>
    <message>
        <source>The landmark model %1 is not a 68-point dlib shape predictor.</source>
        <translation>特征点模型 %1 不是 68 点的 dlib 形状预测器。</translation>
    </message>
    <message>
        <source>Presentation-attack detection needs a BGR frame.</source>
        <translation>呈现攻击检测需要 BGR 帧。</translation>
    </message>
    <message>
        <source>The presentation-attack model returned no classes.</source>
        <translation>呈现攻击检测模型未返回任何类别。</translation>
    </message>
    <message>
        <source>Cannot load the presentation-attack model %1.</source>
        <translation>无法加载呈现攻击检测模型 %1。</translation>
    </message>
    <message>
        <source>Unknown quality profile &quot;%1&quot;; use icao, default, lowres or document.</source>
        <translation>未知的质量配置“%1”；请使用 icao、default、lowres 或 document。</translation>
    </message>
    <message>
        <source>The enrollment is not complete: the ID photo or the live capture is missing.</source>
        <translation>登记尚未完成：缺少证件照片或现场采集。</translation>
    </message>
    <message>
        <source>Line %1 of %2 is not &quot;a,b,label&quot; or &quot;a,b,label,identity_a,identity_b&quot; with label 0 or 1.</source>
        <translation>%2 的第 %1 行不是标签为 0 或 1 的 &quot;a,b,label&quot; 或 &quot;a,b,label,identity_a,identity_b&quot;。</translation>
    </message>
    <message>
        <source>No face was found in %1 (frame %2) at the position given.</source>
        <translation>在 %1（第 %2 帧）的指定位置未找到人脸。</translation>
    </message>
    <message>
        <source>The setting %1 is read as a %2, which the settings schema does not say it is.</source>
        <translation>设置项 %1 被按 %2 类型读取，但设置结构中并未这样定义。</translation>
    </message>
    <message>
        <source>There is no setting %1; did you mean %2?</source>
        <translation>没有设置项 %1；您是否指的是 %2？</translation>
    </message>
    <message>
        <source>There is no setting %1; the settings are %2.</source>
        <translation>没有设置项 %1；可用的设置项有：%2。</translation>
    </message>
    <message>
        <source>%2 is not allowed for the setting %1: it takes a whole number from %3 to %4.</source>
        <translation>设置项 %1 不接受 %2：其取值须为 %3 至 %4 之间的整数。</translation>
    </message>
    <message>
        <source>%2 is not allowed for the setting %1: it takes a number from %3 to %4.</source>
        <translation>设置项 %1 不接受 %2：其取值须为 %3 至 %4 之间的数值。</translation>
    </message>
    <message>
        <source>That value is not allowed for the setting %1: it takes %3 to %4 characters of text without control characters.</source>
        <translation>设置项 %1 不接受该值：其取值须为 %3 至 %4 个字符的文本，且不得含有控制字符。</translation>
    </message>
    <message>
        <source>%2 is not allowed for the setting %1: it takes one of %5.</source>
        <translation>设置项 %1 不接受 %2：其取值须为以下之一：%5。</translation>
    </message>
    <message>
        <source>The setting %1 is computed when it is not set; it is read with optionalReal.</source>
        <translation>设置 %1 未设定时由程序计算；应使用 optionalReal 读取。</translation>
    </message>
    <message>
        <source>A tail fit needs at least %1 impostor scores (got %2).</source>
        <translation>尾部拟合至少需要 %1 个冒认分数（实际 %2 个）。</translation>
    </message>
    <message>
        <source>A target false match rate must lie between 0 and 1 (got %1).</source>
        <translation>目标误匹配率必须在 0 和 1 之间（实际为 %1）。</translation>
    </message>
    <message>
        <source>The threshold curve holds no calibration points.</source>
        <translation>阈值曲线中没有校准点。</translation>
    </message>
    <message>
        <source>The database %1 must be converted to the current encryption format, which needs %2 MB free beside it; %3 MB are free. Free some space and log in again.</source>
        <translation>数据库 %1 必须转换为当前的加密格式，这需要在其所在位置有 %2 MB 可用空间；当前只有 %3 MB 可用。请释放一些空间后重新登录。</translation>
    </message>
    <message>
        <source>The copy of %1 in the current encryption format failed its check (%2); the database was left as it was.</source>
        <translation>%1 以当前加密格式生成的副本未通过检查（%2）；数据库保持原样未作更改。</translation>
    </message>
    <message>
        <source>The database %1 is open in another program (an older FaceEnroll?), so it cannot be converted to the current encryption format. Close that program and log in again.</source>
        <translation>数据库 %1 正被另一个程序（可能是旧版 FaceEnroll）打开，因此无法转换为当前的加密格式。请关闭该程序后重新登录。</translation>
    </message>
    <message>
        <source>A database salt must be %1 bytes.</source>
        <translation>数据库盐值必须为 %1 字节。</translation>
    </message>
    <message>
        <source>Another FaceEnroll process kept %1 locked for more than %2 second(s) (a login, a password change or a key rotation); nothing was changed. Try again when it has finished.</source>
        <translation>另一个 FaceEnroll 进程锁定 %1 已超过 %2 秒（正在登录、修改密码或更换密钥）；未做任何更改。请待其完成后重试。</translation>
    </message>
    <message>
        <source>The password of %1 was set by an administrator and works only once: choose your own password before anything else.</source>
        <translation>%1 的密码由管理员设置，只能使用一次：请先设置您自己的密码，然后才能进行其他操作。</translation>
    </message>
    <message>
        <source>The account %1 was disabled by an administrator: the session has ended and nothing more was stored.</source>
        <translation>账户 %1 已被管理员停用：会话已结束，之后的内容均未保存。</translation>
    </message>
    <message>
        <source>The database key was rotated by another session, so this session was closed; log in again. Everything saved before is intact.</source>
        <translation>数据库密钥已被另一个会话更换，因此本会话已关闭；请重新登录。此前保存的所有内容均完好无损。</translation>
    </message>
    <message>
        <source>Choose a password of your own: the new password must differ from the one the administrator set.</source>
        <translation>请设置您自己的密码：新密码必须与管理员设置的密码不同。</translation>
    </message>
    <message>
        <source>The station&apos;s signing key in the store is damaged.</source>
        <translation>存储中的工作站签名密钥已损坏。</translation>
    </message>
    <message>
        <source>A central key id is 32 hex digits.</source>
        <translation>中心密钥标识为 32 位十六进制数字。</translation>
    </message>
    <message>
        <source>A trust list names each station once, by UUID and with a name.</source>
        <translation>信任列表中每个工作站只能出现一次，并须有 UUID 和名称。</translation>
    </message>
    <message>
        <source>The enrollment %1 cannot go into a bundle: its upload state is &quot;%2&quot; (only queued, exported or uploaded ones can).</source>
        <translation>登记 %1 无法放入数据包：其上传状态为“%2”（只有排队、已导出或已上传的登记可以）。</translation>
    </message>
    <message>
        <source>The outbox holds a bundle %1 already.</source>
        <translation>发件箱中已有数据包 %1。</translation>
    </message>
    <message>
        <source>The enrollment %1 changed while its bundle was made; nothing was recorded.</source>
        <translation>登记 %1 在其数据包生成期间发生了变化；未记录任何内容。</translation>
    </message>
    <message>
        <source>No password was given (the password is empty); nothing was tried.</source>
        <translation>未提供密码（密码为空）；未进行任何登录尝试。</translation>
    </message>
    <message>
        <source>Wrong user name or password. After %1 failed attempts the account %2 is now locked for %3 minute(s).</source>
        <translation>用户名或密码错误。连续 %1 次失败后，账户 %2 现已被锁定 %3 分钟。</translation>
    </message>
    <message>
        <source>The disk is full: %1 could not be written. Free space and try again.</source>
        <translation>磁盘已满：无法写入 %1。请释放空间后重试。</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消；未做任何更改。</translation>
    </message>
    <message>
        <source>This station has no central key, so it cannot seal bundles. An admin imports it with: faceenroll-cli keys set-central central.pub</source>
        <translation>本工作站没有中心密钥，因此无法封装数据包。管理员可用以下命令导入：faceenroll-cli keys set-central central.pub</translation>
    </message>
    <message>
        <source>There is nothing to export: no enrollment is waiting, and none was named.</source>
        <translation>没有可导出的内容：没有等待中的登记，也未指定任何登记。</translation>
    </message>
    <message>
        <source>The bundle is truncated: its header is incomplete.</source>
        <translation>数据包被截断：其头部不完整。</translation>
    </message>
    <message>
        <source>This is not a FaceEnroll bundle (bad magic).</source>
        <translation>这不是 FaceEnroll 数据包（魔数错误）。</translation>
    </message>
    <message>
        <source>The bundle has format version %1; this FaceEnroll reads version %2. Update FaceEnroll.</source>
        <translation>数据包的格式版本为 %1；此 FaceEnroll 只能读取版本 %2。请更新 FaceEnroll。</translation>
    </message>
    <message>
        <source>The bundle header is invalid (field %1).</source>
        <translation>数据包头部无效（字段 %1）。</translation>
    </message>
    <message>
        <source>The bundle is sealed to central key %1; this station uploads to central key %2.</source>
        <translation>数据包封装给中心密钥 %1；本工作站上传至中心密钥 %2。</translation>
    </message>
    <message>
        <source>Record %1 in the bundle has an invalid length (%2 bytes).</source>
        <translation>数据包中的第 %1 条记录长度无效（%2 字节）。</translation>
    </message>
    <message>
        <source>The bundle holds more records than the %1 its header announces.</source>
        <translation>数据包中的记录多于其头部声明的 %1 条。</translation>
    </message>
    <message>
        <source>The bundle&apos;s stream ends inside record %1.</source>
        <translation>数据包的数据流在第 %1 条记录中间结束。</translation>
    </message>
    <message>
        <source>The bundle holds %1 records where its header announces %2.</source>
        <translation>数据包包含 %1 条记录，而其头部声明为 %2 条。</translation>
    </message>
    <message>
        <source>The bundle is truncated: it has %1 bytes where its header announces %2.</source>
        <translation>数据包被截断：它有 %1 字节，而其头部声明为 %2 字节。</translation>
    </message>
    <message>
        <source>The bundle has %1 unexpected bytes after its signature.</source>
        <translation>数据包签名之后有 %1 个多余字节。</translation>
    </message>
    <message>
        <source>The bundle comes from station %1, which is not in the trust list.</source>
        <translation>数据包来自工作站 %1，该工作站不在信任列表中。</translation>
    </message>
    <message>
        <source>The bundle is signed with a key that the trust list does not hold for station %1.</source>
        <translation>数据包的签名密钥不是信任列表为工作站 %1 记录的密钥。</translation>
    </message>
    <message>
        <source>The bundle&apos;s signature does not verify: its header, chunk table or signature was altered.</source>
        <translation>数据包签名验证失败：其头部、分块表或签名已被改动。</translation>
    </message>
    <message>
        <source>The bundle&apos;s sealed content key is damaged: it does not match its signed hash.</source>
        <translation>数据包中封装的内容密钥已损坏：与其签名哈希不符。</translation>
    </message>
    <message>
        <source>Chunk %1 of %2 is out of place: it holds chunk %3 (chunks were swapped or moved).</source>
        <translation>第 %1 块（共 %2 块）位置错误：其中是第 %3 块（分块被交换或移动）。</translation>
    </message>
    <message>
        <source>Chunk %1 of %2 is damaged: it does not match its signed hash.</source>
        <translation>第 %1 块（共 %2 块）已损坏：与其签名哈希不符。</translation>
    </message>
    <message>
        <source>The bundle is sealed to central key %1; this receiver holds key %2.</source>
        <translation>数据包封装给中心密钥 %1；此接收方持有密钥 %2。</translation>
    </message>
    <message>
        <source>The bundle&apos;s content key does not open with the central key.</source>
        <translation>数据包的内容密钥无法用中心密钥打开。</translation>
    </message>
    <message>
        <source>Chunk %1 of %2 does not decrypt: it was altered or belongs to another bundle.</source>
        <translation>第 %1 块（共 %2 块）无法解密：它已被改动或属于另一个数据包。</translation>
    </message>
    <message>
        <source>The bundle&apos;s stream does not end with its last chunk (chunk %1 of %2 is tagged otherwise).</source>
        <translation>数据包的数据流没有以最后一块结束（第 %1 块，共 %2 块，标记不符）。</translation>
    </message>
    <message>
        <source>A bundle needs UUIDs, the station&apos;s signing key, a central key id and a chunk size from 1 KiB to 1 MiB.</source>
        <translation>数据包需要 UUID、工作站签名密钥、中心密钥标识以及 1 KiB 至 1 MiB 的分块大小。</translation>
    </message>
    <message>
        <source>The central service&apos;s public key is not a valid X25519 key.</source>
        <translation>中心服务的公钥不是有效的 X25519 密钥。</translation>
    </message>
    <message>
        <source>The bundle %1 is already finished.</source>
        <translation>数据包 %1 已经完成。</translation>
    </message>
    <message>
        <source>A record of %1 bytes does not fit in a bundle (at most %2).</source>
        <translation>%1 字节的记录无法放入数据包（最多 %2 字节）。</translation>
    </message>
    <message>
        <source>The bundle is truncated: it ends before its signature.</source>
        <translation>数据包被截断：在签名之前就结束了。</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>文件 %1 不存在。</translation>
    </message>
    <message>
        <source>This is not a FaceEnroll central key file (%1).</source>
        <translation>这不是 FaceEnroll 中心密钥文件（%1）。</translation>
    </message>
    <message>
        <source>%1 is readable by other users; make it readable by its owner only (chmod 600).</source>
        <translation>%1 可被其他用户读取；请设为仅所有者可读（chmod 600）。</translation>
    </message>
    <message>
        <source>A record in the bundle is malformed (field %1).</source>
        <translation>数据包中的一条记录格式错误（字段 %1）。</translation>
    </message>
    <message>
        <source>The receipt is malformed (%1).</source>
        <translation>回执格式错误（%1）。</translation>
    </message>
    <message>
        <source>The receipt&apos;s signature does not verify with the central key %1; nothing was recorded.</source>
        <translation>回执签名无法用中心密钥 %1 验证；未记录任何内容。</translation>
    </message>
    <message>
        <source>The receipt names central key %1, not %2; nothing was recorded.</source>
        <translation>回执指明的中心密钥是 %1，而不是 %2；未记录任何内容。</translation>
    </message>
    <message>
        <source>Trust list line %1 needs a station id, a public key and a name.</source>
        <translation>信任列表第 %1 行需要工作站标识、公钥和名称。</translation>
    </message>
    <message>
        <source>Trust list line %1: the station id is not a UUID.</source>
        <translation>信任列表第 %1 行：工作站标识不是 UUID。</translation>
    </message>
    <message>
        <source>Trust list line %1: the public key is not 64 hex digits.</source>
        <translation>信任列表第 %1 行：公钥不是 64 位十六进制数字。</translation>
    </message>
    <message>
        <source>Trust list line %1: the name must have 1 to 64 bytes.</source>
        <translation>信任列表第 %1 行：名称须为 1 至 64 字节。</translation>
    </message>
    <message>
        <source>Trust list line %1: the name holds a control character.</source>
        <translation>信任列表第 %1 行：名称中含有控制字符。</translation>
    </message>
    <message>
        <source>Trust list line %1: the station is listed twice.</source>
        <translation>信任列表第 %1 行：该工作站被列出了两次。</translation>
    </message>
    <message>
        <source>The receipt is for bundle %1 of station %2, not for bundle %3; nothing was recorded.</source>
        <translation>该回执针对的是工作站 %2 的数据包 %1，而不是数据包 %3；未记录任何内容。</translation>
    </message>
    <message>
        <source>The receiver refused bundle %1 (%2); it stays in the outbox, marked rejected.</source>
        <translation>接收方拒绝了数据包 %1（%2）；它仍留在发件箱中，标记为已拒绝。</translation>
    </message>
    <message>
        <source>The receiver could not be reached after %1 attempts (%2); the outbox keeps the bundles for the next upload.</source>
        <translation>尝试 %1 次后仍无法连接接收方（%2）；发件箱会保留这些数据包，供下次上传。</translation>
    </message>
    <message>
        <source>The upload URL must be an http:// or https:// address with a host.</source>
        <translation>上传 URL 必须是带主机名的 http:// 或 https:// 地址。</translation>
    </message>
    <message>
        <source>Unknown document type %1; use one of: %2.</source>
        <translation>未知的证件类型 %1；请使用以下之一：%2。</translation>
    </message>
    <message>
        <source>The document number is not valid UTF-8 text; type it again.</source>
        <translation>证件号码不是有效的 UTF-8 文本；请重新输入。</translation>
    </message>
    <message>
        <source>The document number is far too long for a %1 (at most %2 characters).</source>
        <translation>证件号码对于 %1 来说太长了（最多 %2 个字符）。</translation>
    </message>
    <message>
        <source>The document number is missing.</source>
        <translation>缺少证件号码。</translation>
    </message>
    <message>
        <source>A %1 number holds only the letters A to Z and digits.</source>
        <translation>%1 号码只能包含字母 A 到 Z 和数字。</translation>
    </message>
    <message>
        <source>A %1 number holds only digits, and an X as its last character.</source>
        <translation>%1 号码只能包含数字，最后一位可以是 X。</translation>
    </message>
    <message>
        <source>A %1 number has %2 characters; this one has %4.</source>
        <translation>%1 号码应为 %2 个字符；此号码有 %4 个。</translation>
    </message>
    <message>
        <source>A %1 number has %2 to %3 characters; this one has %4.</source>
        <translation>%1 号码应为 %2 到 %3 个字符；此号码有 %4 个。</translation>
    </message>
    <message>
        <source>The document number does not hold a possible date of birth; check the digits %1 to %2.</source>
        <translation>证件号码中的出生日期不可能成立；请核对第 %1 到第 %2 位。</translation>
    </message>
    <message>
        <source>The document number&apos;s check character is wrong: a digit was mistyped.</source>
        <translation>证件号码的校验码不正确：有一位数字输错了。</translation>
    </message>
    <message>
        <source>This is a valid %1 number; choose that document type.</source>
        <translation>这是一个有效的 %1 号码；请选择该证件类型。</translation>
    </message>
    <message>
        <source>The override reason is too long (at most %1 bytes).</source>
        <translation>破例理由过长（最多 %1 字节）。</translation>
    </message>
    <message>
        <source>This workflow has no match index; enrollments cannot be decided.</source>
        <translation>此流程没有比对索引；无法判定登记。</translation>
    </message>
    <message>
        <source>The portrait&apos;s template (model %1) does not match the index&apos;s model %2.</source>
        <translation>人像的特征模板（模型 %1）与索引的模型 %2 不一致。</translation>
    </message>
    <message>
        <source>The ID-document photo shows %1 faces; it must show only the document&apos;s photo. Capture the document alone.</source>
        <translation>证件照片中有 %1 张人脸；照片中只能有证件上的照片。请单独拍摄证件。</translation>
    </message>
    <message>
        <source>The ID-document photo fails the document quality check (%1); capture it again, or keep it with the override (the enrollment is then reviewed).</source>
        <translation>证件照片未通过证件质量检查（%1）；请重新拍摄，或使用强制保留（该登记随后将被复核）。</translation>
    </message>
    <message>
        <source>A review reason is text of at most %1 bytes (valid UTF-8).</source>
        <translation>复核理由须为不超过 %1 字节的文本（有效的 UTF-8）。</translation>
    </message>
    <message>
        <source>Image processing failed (%1: %2). Nothing was stored; capture again, and report it if it repeats.</source>
        <translation>图像处理失败（%1：%2）。未保存任何内容；请重新采集，如再次出现请报告。</translation>
    </message>
    <message>
        <source>Not enough memory for %1. Nothing was stored; close other programs and try again.</source>
        <translation>内存不足，无法完成 %1。未保存任何内容；请关闭其他程序后重试。</translation>
    </message>
    <message>
        <source>An unexpected error stopped %1 (%2). Nothing was stored; try again, and report it if it repeats.</source>
        <translation>意外错误中止了 %1（%2）。未保存任何内容；请重试，如再次出现请报告。</translation>
    </message>
    <message>
        <source>The ID-document photo is empty or too small (at least %1x%1 px of 8-bit colour are needed); capture it again.</source>
        <translation>证件照片为空或太小（至少需要 %1x%1 像素的 8 位彩色图像）；请重新拍摄。</translation>
    </message>
    <message>
        <source>The ID-document photo could not be encoded as JPEG; capture it again.</source>
        <translation>证件照片无法编码为 JPEG；请重新拍摄。</translation>
    </message>
    <message>
        <source>A live frame must be an 8-bit image of 1, 3 or 4 channels, at least %1x%1 px.</source>
        <translation>实时画面必须是 1、3 或 4 通道的 8 位图像，至少 %1x%1 像素。</translation>
    </message>
    <message>
        <source>Live frames must come in order: a timestamp went back in time or is not a number.</source>
        <translation>实时画面必须按顺序送入：有时间戳倒退或不是数字。</translation>
    </message>
    <message>
        <source>A match index needs the model id and template size; take them from the encoder (MatchIndex::specOf).</source>
        <translation>比对索引需要模型标识和模板维度；请从编码器获取（MatchIndex::specOf）。</translation>
    </message>
    <message>
        <source>The list of enrolled faces is still loading; wait until it is ready, then save again. Nothing was stored.</source>
        <translation>已登记人脸列表仍在加载；请等待加载完成后再保存。未保存任何内容。</translation>
    </message>
    <message>
        <source>The customer&apos;s name is not valid UTF-8 text; type it again.</source>
        <translation>客户姓名不是有效的 UTF-8 文本；请重新输入。</translation>
    </message>
    <message>
        <source>The customer&apos;s name is longer than %1 characters.</source>
        <translation>客户姓名超过 %1 个字符。</translation>
    </message>
    <message>
        <source>The customer&apos;s name holds a character that could not be read (U+FFFD); type it again.</source>
        <translation>客户姓名含有无法识别的字符（U+FFFD）；请重新输入。</translation>
    </message>
    <message>
        <source>The customer&apos;s name holds a control character.</source>
        <translation>客户姓名含有控制字符。</translation>
    </message>
    <message>
        <source>The customer&apos;s name holds an invisible formatting character (such as a text-direction override); type it again.</source>
        <translation>客户姓名含有不可见的格式字符（例如文字方向覆盖符）；请重新输入。</translation>
    </message>
    <message>
        <source>The customer&apos;s name has no letters.</source>
        <translation>客户姓名中没有文字。</translation>
    </message>
    <message>
        <source>The phone number is not valid UTF-8 text; type it again.</source>
        <translation>电话号码不是有效的 UTF-8 文本；请重新输入。</translation>
    </message>
    <message>
        <source>The date of birth is not a possible date (1900 to today).</source>
        <translation>出生日期不是可能的日期（1900 年至今天）。</translation>
    </message>
    <message>
        <source>The date of birth differs from the one the document number holds.</source>
        <translation>出生日期与证件号码中的出生日期不一致。</translation>
    </message>
    <message>
        <source>The portrait could not be encoded as JPEG.</source>
        <translation>人像无法编码为 JPEG。</translation>
    </message>
    <message>
        <source>A liveness evidence frame could not be encoded as JPEG.</source>
        <translation>活体检测证据画面无法编码为 JPEG。</translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to enroll customers: operators enroll.</source>
        <translation>用户 %1（角色 %2）无权登记客户：登记由操作员进行。</translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to view the enrollments they made today.</source>
        <translation>用户 %1（角色 %2）无权查看自己今天的登记。</translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to view the station&apos;s enrollments: supervisors do.</source>
        <translation>用户 %1（角色 %2）无权查看本站的登记：由主管查看。</translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to compare a face with the enrolled faces.</source>
        <translation>用户 %1（角色 %2）无权将人脸与已登记的人脸比对。</translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to review flagged enrollments: supervisors do.</source>
        <translation>用户 %1（角色 %2）无权审核被标记的登记：由主管审核。</translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to export bundles: supervisors do.</source>
        <translation>用户 %1（角色 %2）无权导出数据包：由主管导出。</translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to import bundles: supervisors do.</source>
        <translation>用户 %1（角色 %2）无权导入数据包：由主管导入。</translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to upload to the central service: supervisors do.</source>
        <translation>用户 %1（角色 %2）无权上传到中心服务：由主管上传。</translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to erase enrollments: supervisors do.</source>
        <translation>用户 %1（角色 %2）无权删除登记：由主管删除。</translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to purge biometric data: supervisors and admins do.</source>
        <translation>用户 %1（角色 %2）无权清除生物特征数据：由主管和管理员清除。</translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to check the audit log and the store&apos;s integrity: supervisors and admins do.</source>
        <translation>用户 %1（角色 %2）无权检查审计日志和存储的完整性：由主管和管理员检查。</translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to manage users: admins do.</source>
        <translation>用户 %1（角色 %2）无权管理用户：由管理员管理。</translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to change the station&apos;s settings: admins do.</source>
        <translation>用户 %1（角色 %2）无权更改本站设置：由管理员更改。</translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to change the match thresholds: admins do.</source>
        <translation>用户 %1（角色 %2）无权更改比对阈值：由管理员更改。</translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to change the station&apos;s keys: admins do.</source>
        <translation>用户 %1（角色 %2）无权更改本站密钥：由管理员更改。</translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to do this.</source>
        <translation>用户 %1（角色 %2）无权执行此操作。</translation>
    </message>
    <message>
        <source>The session of %1 was locked or ended; this background task stopped. Unlock the station to start it again.</source>
        <translation>%1 的会话已锁定或结束；此后台任务已停止。请解锁工作站后重新开始。</translation>
    </message>
    <message>
        <source>A worker session cannot open another; open it from the session it belongs to.</source>
        <translation>工作会话不能再打开另一个工作会话；请从它所属的会话打开。</translation>
    </message>
    <message>
        <source>%1 is a folder; give the station&apos;s database file in it (the file beside its .keys file, e.g. station.db).</source>
        <translation>%1 是文件夹；请给出其中本站的数据库文件（与其 .keys 文件并列的文件，例如 station.db）。</translation>
    </message>
    <message>
        <source>%1 is not a FaceEnroll database (it is not an encrypted database file); check the path.</source>
        <translation>%1 不是 FaceEnroll 数据库（它不是加密的数据库文件）；请检查路径。</translation>
    </message>
    <message>
        <source>Trust list line %1 starts with &quot;{&quot; but is not a JSON object.</source>
        <translation>信任列表第 %1 行以“{”开头，但不是 JSON 对象。</translation>
    </message>
    <message>
        <source>Cannot list the folder %1.</source>
        <translation>无法列出文件夹 %1 的内容。</translation>
    </message>
    <message>
        <source>The image %1 is in a format FaceEnroll does not read (%2); give a JPEG or PNG file.</source>
        <translation>图像 %1 的格式（%2）FaceEnroll 无法读取；请提供 JPEG 或 PNG 文件。</translation>
    </message>
    <message>
        <source>The image %1 is %2x%3 px (%4 megapixels); FaceEnroll reads images of up to %5 megapixels. Scale it down first.</source>
        <translation>图像 %1 为 %2x%3 像素（%4 百万像素）；FaceEnroll 只读取不超过 %5 百万像素的图像。请先缩小图像。</translation>
    </message>
    <message>
        <source>The image %1 is %2x%3 px; %4 images are read up to %5 megapixels. Convert it to a baseline JPEG or a non-interlaced PNG, or scale it down.</source>
        <translation>图像 %1 为 %2x%3 像素；%4 图像最多读取 %5 百万像素。请将其转换为基线 JPEG 或非隔行 PNG，或先缩小图像。</translation>
    </message>
    <message>
        <source>The image %1 is truncated: the file ends before the picture does. Copy or export it again.</source>
        <translation>图像 %1 不完整：文件在图像数据结束之前就结束了。请重新复制或导出。</translation>
    </message>
    <message>
        <source>The image %1 is corrupt: its picture data is damaged. Copy or export it again.</source>
        <translation>图像 %1 已损坏：其图像数据受损。请重新复制或导出。</translation>
    </message>
    <message>
        <source>The image file %1 is %2 MB; files in this format are read up to %3 MB.</source>
        <translation>图像文件 %1 大小为 %2 MB；此格式的文件最多读取 %3 MB。</translation>
    </message>
    <message>
        <source>The WebP decoder does not match its headers.</source>
        <translation>WebP 解码库与其头文件版本不一致。</translation>
    </message>
    <message>
        <source>The image %1 is truncated or corrupt. Copy or export it again.</source>
        <translation>图像 %1 不完整或已损坏。请重新复制或导出。</translation>
    </message>
    <message>
        <source>Cannot read %1: permission denied.</source>
        <translation>无法读取 %1：权限不足。</translation>
    </message>
    <message>
        <source>%1 is a folder; give an image or video file.</source>
        <translation>%1 是一个文件夹；请提供图像或视频文件。</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a pipe, device or socket); give an image or video file.</source>
        <translation>%1 不是普通文件（而是管道、设备或套接字）；请提供图像或视频文件。</translation>
    </message>
    <message>
        <source>Liveness without prompts (spontaneous mode) is not allowed with this camera at this station; capture again in challenge mode.</source>
        <translation>本站不允许在此摄像头上使用无提示的活体检测（自然模式）；请改用指令模式重新采集。</translation>
    </message>
</context>
<context>
    <name>fe::Outcome</name>
    <message>
        <source>The live face does not match the photo on the ID document.</source>
        <translation>现场人脸与证件上的照片不一致。</translation>
    </message>
    <message>
        <source>This face is already enrolled under another document.</source>
        <translation>此人脸已用另一证件登记过。</translation>
    </message>
    <message>
        <source>This phone number is already registered to another person&apos;s face.</source>
        <translation>此电话号码已登记在另一个人的人脸名下。</translation>
    </message>
    <message>
        <source>This ID document is already registered to another person&apos;s face.</source>
        <translation>此证件已登记在另一个人的人脸名下。</translation>
    </message>
    <message>
        <source>This person already holds the maximum number of phone numbers.</source>
        <translation>此人持有的电话号码已达上限。</translation>
    </message>
    <message>
        <source>The liveness check found signs of a photo, a screen or a mask.</source>
        <translation>活体检测发现了照片、屏幕或面具的迹象。</translation>
    </message>
    <message>
        <source>The liveness check could not decide.</source>
        <translation>活体检测无法作出判断。</translation>
    </message>
    <message>
        <source>The operator kept a portrait below the quality standard.</source>
        <translation>操作员保留了低于质量标准的人像。</translation>
    </message>
    <message>
        <source>The operator kept an ID-document photo below the quality standard.</source>
        <translation>操作员保留了低于质量标准的证件照片。</translation>
    </message>
    <message>
        <source>Only one face in the picture</source>
        <translation>画面中只有一张人脸</translation>
    </message>
    <message>
        <source>Face large enough</source>
        <translation>人脸足够大</translation>
    </message>
    <message>
        <source>Whole face in the picture</source>
        <translation>整张人脸都在画面内</translation>
    </message>
    <message>
        <source>Face in the centre</source>
        <translation>人脸位于画面中央</translation>
    </message>
    <message>
        <source>Head not turned to the side</source>
        <translation>头部没有侧转</translation>
    </message>
    <message>
        <source>Head not tilted up or down</source>
        <translation>头部没有抬起或低下</translation>
    </message>
    <message>
        <source>Head held straight</source>
        <translation>头部端正</translation>
    </message>
    <message>
        <source>Eyes open</source>
        <translation>双眼睁开</translation>
    </message>
    <message>
        <source>Mouth closed</source>
        <translation>嘴巴闭合</translation>
    </message>
    <message>
        <source>Picture sharp</source>
        <translation>画面清晰</translation>
    </message>
    <message>
        <source>Face neither too dark nor too bright</source>
        <translation>人脸不太暗也不太亮</translation>
    </message>
    <message>
        <source>Face evenly lit</source>
        <translation>人脸光照均匀</translation>
    </message>
    <message>
        <source>Please look at the camera.</source>
        <translation>请看向摄像头。</translation>
    </message>
    <message>
        <source>Only the customer may be in the picture.</source>
        <translation>画面中只能有客户本人。</translation>
    </message>
    <message>
        <source>Move closer to the camera.</source>
        <translation>请靠近摄像头。</translation>
    </message>
    <message>
        <source>Move back from the camera.</source>
        <translation>请离摄像头远一些。</translation>
    </message>
    <message>
        <source>Move into the middle of the picture.</source>
        <translation>请移到画面中间。</translation>
    </message>
    <message>
        <source>Look straight at the camera.</source>
        <translation>请正视摄像头。</translation>
    </message>
    <message>
        <source>Hold your head straight.</source>
        <translation>请保持头部端正。</translation>
    </message>
    <message>
        <source>The face is too dark: turn towards the light.</source>
        <translation>脸部太暗：请面向光源。</translation>
    </message>
    <message>
        <source>The face is too bright: move out of the direct light.</source>
        <translation>脸部太亮：请避开直射光。</translation>
    </message>
    <message>
        <source>Please open your eyes.</source>
        <translation>请睁开眼睛。</translation>
    </message>
    <message>
        <source>Please close your mouth.</source>
        <translation>请闭上嘴巴。</translation>
    </message>
    <message>
        <source>Hold still.</source>
        <translation>请保持不动。</translation>
    </message>
    <message>
        <source>Good. Stay like this.</source>
        <translation>很好，请保持这个姿势。</translation>
    </message>
    <message>
        <source>No face was seen long enough to check.</source>
        <translation>未能长时间看到人脸，无法检测。</translation>
    </message>
    <message>
        <source>More than one face was in the picture.</source>
        <translation>画面中出现了不止一张人脸。</translation>
    </message>
    <message>
        <source>The face left the picture during the check.</source>
        <translation>检测过程中人脸离开了画面。</translation>
    </message>
    <message>
        <source>The face was too dark to check.</source>
        <translation>脸部太暗，无法检测。</translation>
    </message>
    <message>
        <source>The check was not finished in time.</source>
        <translation>检测未能按时完成。</translation>
    </message>
    <message>
        <source>An instruction was not followed in time.</source>
        <translation>未能按时完成指示的动作。</translation>
    </message>
    <message>
        <source>The face changed during the check.</source>
        <translation>检测过程中人脸发生了变化。</translation>
    </message>
    <message>
        <source>The face moved like a flat picture, not like a real head.</source>
        <translation>人脸的运动像平面图片，而不像真实的头部。</translation>
    </message>
    <message>
        <source>No natural blink was seen.</source>
        <translation>未看到自然眨眼。</translation>
    </message>
    <message>
        <source>No natural head movement was seen.</source>
        <translation>未看到自然的头部动作。</translation>
    </message>
    <message>
        <source>The head turned the other way.</source>
        <translation>头部转向了相反的方向。</translation>
    </message>
    <message>
        <source>The picture looks like a photo, a screen or a mask.</source>
        <translation>画面看起来像照片、屏幕或面具。</translation>
    </message>
    <message>
        <source>Live person</source>
        <translation>真人</translation>
    </message>
    <message>
        <source>Possible photo, screen or mask</source>
        <translation>可能是照片、屏幕或面具</translation>
    </message>
    <message>
        <source>Could not decide</source>
        <translation>无法判断</translation>
    </message>
    <message>
        <source>Please blink.</source>
        <translation>请眨眼。</translation>
    </message>
    <message>
        <source>Slowly turn your head to your left.</source>
        <translation>请慢慢向您的左侧转头。</translation>
    </message>
    <message>
        <source>Slowly turn your head to your right.</source>
        <translation>请慢慢向您的右侧转头。</translation>
    </message>
    <message>
        <source>Please open your mouth.</source>
        <translation>请张开嘴巴。</translation>
    </message>
    <message>
        <source>Chinese resident identity card</source>
        <translation>中华人民共和国居民身份证</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <source>National identity card of another country</source>
        <translation>其他国家的身份证</translation>
    </message>
    <message>
        <source>Liveness was checked without instructions, which cannot tell a recording from a person.</source>
        <translation>活体检测未使用指令进行，这种方式无法区分录像与真人。</translation>
    </message>
    <message>
        <source>The customer did something other than the instruction asked.</source>
        <translation>客户做了与指令要求不同的动作。</translation>
    </message>
    <message>
        <source>With instructions (challenge mode)</source>
        <translation>按指令检测（指令模式）</translation>
    </message>
    <message>
        <source>Without instructions (spontaneous mode, the weaker check)</source>
        <translation>无指令检测（自然模式，较弱的检查）</translation>
    </message>
</context>
<context>
    <name>fe::Settings</name>
    <message>
        <source>Days the biometric data of an enrollment is kept after the central service confirmed it.</source>
        <translation>中心服务确认收到后，登记记录的生物特征数据继续保留的天数。</translation>
    </message>
    <message>
        <source>Minutes without activity after which a session locks itself.</source>
        <translation>无操作多少分钟后会话自动锁定。</translation>
    </message>
    <message>
        <source>The name of this station, shown to its users and in exported bundles.</source>
        <translation>本工作站的名称，显示给其用户，并写入导出的数据包。</translation>
    </message>
    <message>
        <source>Lowest similarity between the live face and the ID-document photo (1:1) that counts as the same person. Not set: chosen from the shipped calibration for a false match rate of 1 in 10,000.</source>
        <translation>现场人脸与证件照片（1:1）被视为同一人的最低相似度。未设定时：按随附校准数据，以万分之一的误识率选定。</translation>
    </message>
    <message>
        <source>Lowest similarity between the live face and an enrolled face (1:N) that counts as the same person. Not set: chosen for the gallery size and the accepted false duplicate flags.</source>
        <translation>现场人脸与已登记人脸（1:N）被视为同一人的最低相似度。未设定时：根据人脸库规模和可接受的误报重复标记数选定。</translation>
    </message>
    <message>
        <source>False duplicate flags per 1,000 enrollments the station accepts; the duplicate threshold follows from it and the number of enrolled faces.</source>
        <translation>本工作站可接受的每 1000 次登记中的误报重复标记数；重复阈值由此值和已登记人脸数量得出。</translation>
    </message>
    <message>
        <source>Most enrolled faces recorded as candidates for one duplicate flag.</source>
        <translation>一个重复标记最多记录的已登记人脸候选数。</translation>
    </message>
    <message>
        <source>Phone numbers one person may hold before an enrollment is flagged.</source>
        <translation>同一人可持有的手机号码数量，超过后登记将被标记。</translation>
    </message>
    <message>
        <source>Where liveness without prompts (spontaneous mode) may be used: never, demo_camera (the demo media only) or always (real cameras too; such enrollments are flagged for review).</source>
        <translation>无提示的活体检测（自然模式）可在何处使用：never（从不）、demo_camera（仅演示媒体）或 always（真实摄像头也可；此类登记将被标记待审核）。</translation>
    </message>
</context>
<context>
    <name>fe::cli</name>
    <message>
        <source>missing argument; usage: %1</source>
        <translation>缺少参数；用法：%1</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>多余的参数“%1”</translation>
    </message>
    <message>
        <source>--%1 takes a whole number from %2 to %3</source>
        <translation>--%1 须为 %2 至 %3 之间的整数</translation>
    </message>
    <message>
        <source>--%1 takes a number from %2 to %3</source>
        <translation>--%1 须为 %2 至 %3 之间的数值</translation>
    </message>
    <message>
        <source>--%1 takes a size like 640x480</source>
        <translation>--%1 须为类似 640x480 的尺寸</translation>
    </message>
    <message>
        <source>bad frame reference &quot;%1&quot;</source>
        <translation>帧引用“%1”无效</translation>
    </message>
    <message>
        <source>The live capture: a video (or a still, which will fail liveness).</source>
        <translation>现场采集：一段视频（也可以是静态图像，但无法通过活体检测）。</translation>
    </message>
    <message>
        <source>Seconds into the video where the live window starts (default 0).</source>
        <translation>现场采集时间段在视频中的起始秒数（默认 0）。</translation>
    </message>
    <message>
        <source>Length of the live window (default 10).</source>
        <translation>现场采集时间段的长度，单位为秒（默认 10）。</translation>
    </message>
    <message>
        <source>Optional, YYYY-MM-DD.</source>
        <translation>可选，格式为 YYYY-MM-DD。</translation>
    </message>
    <message>
        <source>Region for a national phone number, e.g. CN.</source>
        <translation>国内号码格式所属的国家/地区，例如 CN。</translation>
    </message>
    <message>
        <source>yes or no: the customer&apos;s consent, attested by the operator.</source>
        <translation>yes 或 no：客户是否给予知情同意，由操作员确认。</translation>
    </message>
    <message>
        <source>Version of the privacy notice shown (default 1).</source>
        <translation>向客户出示的隐私告知版本（默认 1）。</translation>
    </message>
    <message>
        <source>Language of the notice shown (default en).</source>
        <translation>向客户出示的隐私告知语言（默认 en）。</translation>
    </message>
    <message>
        <source>Liveness: challenge (default) or spontaneous.</source>
        <translation>活体检测方式：challenge（默认）或 spontaneous。</translation>
    </message>
    <message>
        <source>Challenges in order (default: random).</source>
        <translation>按顺序列出的动作指令（默认：随机）。</translation>
    </message>
    <message>
        <source>Quality profile: icao, default or lowres.</source>
        <translation>质量配置：icao、default 或 lowres。</translation>
    </message>
    <message>
        <source>Keep the best portrait even below the quality gate (flagged).</source>
        <translation>即使未达到质量门槛，也保留最佳人像照片（会被标记）。</translation>
    </message>
    <message>
        <source>--consent takes yes or no</source>
        <translation>--consent 只能为 yes 或 no</translation>
    </message>
    <message>
        <source>--mode takes challenge or spontaneous</source>
        <translation>--mode 只能为 challenge 或 spontaneous</translation>
    </message>
    <message>
        <source>accepted, flagged (pending review), approved or rejected.</source>
        <translation>accepted、flagged（待审核）、approved 或 rejected。</translation>
    </message>
    <message>
        <source>--status takes accepted, flagged, approved or rejected</source>
        <translation>--status 只能为 accepted、flagged、approved 或 rejected</translation>
    </message>
    <message>
        <source>The enrollment id.</source>
        <translation>登记记录 ID。</translation>
    </message>
    <message>
        <source>approve or reject.</source>
        <translation>approve（批准）或 reject（驳回）。</translation>
    </message>
    <message>
        <source>Why (mandatory).</source>
        <translation>理由（必填）。</translation>
    </message>
    <message>
        <source>--decision takes approve or reject</source>
        <translation>--decision 只能为 approve 或 reject</translation>
    </message>
    <message>
        <source>--target-fmr takes rates between 0 and 1</source>
        <translation>--target-fmr 的取值须在 0 到 1 之间</translation>
    </message>
    <message>
        <source>unknown challenge &quot;%1&quot;; use blink, turn-left, turn-right, open-mouth</source>
        <translation>未知的动作指令“%1”；可用：blink、turn-left、turn-right、open-mouth</translation>
    </message>
    <message>
        <source>--challenges needs at least one challenge</source>
        <translation>--challenges 至少需要一个动作指令</translation>
    </message>
    <message>
        <source>A video, or a still image (shown for 5 s at 25 fps).</source>
        <translation>一段视频，或一张静态图像（按 25 fps 播放 5 秒）。</translation>
    </message>
    <message>
        <source>challenge (default) or spontaneous.</source>
        <translation>challenge（默认）或 spontaneous。</translation>
    </message>
    <message>
        <source>Challenges in order, e.g. blink,turn-left (default: random).</source>
        <translation>按顺序列出的动作指令，例如 blink,turn-left（默认：随机）。</translation>
    </message>
    <message>
        <source>Seed of the random challenge draw (default: random).</source>
        <translation>随机抽取动作指令所用的随机种子（默认：随机）。</translation>
    </message>
    <message>
        <source>Read at most N frames.</source>
        <translation>最多读取 N 帧。</translation>
    </message>
    <message>
        <source>--challenges applies to challenge mode only</source>
        <translation>--challenges 仅适用于 challenge 模式</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>no password: pass --password-file FILE or set FACEENROLL_PASSWORD (passwords are never taken on the command line)</source>
        <translation>未提供密码：请使用 --password-file FILE，或设置 FACEENROLL_PASSWORD（密码一律不通过命令行传入）</translation>
    </message>
    <message>
        <source>no new password: pass --new-password-file FILE</source>
        <translation>未提供新密码：请使用 --new-password-file FILE</translation>
    </message>
    <message>
        <source>The store&apos;s database file.</source>
        <translation>加密数据库文件。</translation>
    </message>
    <message>
        <source>The user who acts (logs in).</source>
        <translation>执行操作（登录）的用户。</translation>
    </message>
    <message>
        <source>File holding that user&apos;s password (else FACEENROLL_PASSWORD).</source>
        <translation>存放该用户密码的文件（未指定时使用 FACEENROLL_PASSWORD）。</translation>
    </message>
    <message>
        <source>--%1 is required</source>
        <translation>必须指定 --%1</translation>
    </message>
    <message>
        <source>passwords are never taken on the command line; use --password-file FILE or FACEENROLL_PASSWORD (and --new-password-file FILE for a new one)</source>
        <translation>密码一律不通过命令行传入；请使用 --password-file FILE 或 FACEENROLL_PASSWORD（新密码请使用 --new-password-file FILE）</translation>
    </message>
    <message>
        <source>%1 needs a subcommand; run faceenroll-cli --help</source>
        <translation>%1 需要子命令；请运行 faceenroll-cli --help 查看帮助</translation>
    </message>
    <message>
        <source>Login name of the first admin.</source>
        <translation>首个管理员的登录名。</translation>
    </message>
    <message>
        <source>File holding the admin&apos;s password (else FACEENROLL_PASSWORD).</source>
        <translation>存放该管理员密码的文件（未指定时使用 FACEENROLL_PASSWORD）。</translation>
    </message>
    <message>
        <source>Name of this station.</source>
        <translation>本工作站的名称。</translation>
    </message>
    <message>
        <source>Write the recovery key down now: it is shown only once and stored nowhere.</source>
        <translation>请立即抄下恢复密钥：它只显示这一次，且不会保存在任何地方。</translation>
    </message>
    <message>
        <source>Login name of the new user.</source>
        <translation>新用户的登录名。</translation>
    </message>
    <message>
        <source>operator, supervisor or admin.</source>
        <translation>operator（操作员）、supervisor（主管）或 admin（管理员）。</translation>
    </message>
    <message>
        <source>File holding the new user&apos;s password.</source>
        <translation>存放新用户密码的文件。</translation>
    </message>
    <message>
        <source>--role takes operator, supervisor or admin</source>
        <translation>--role 只能为 operator、supervisor 或 admin</translation>
    </message>
    <message>
        <source>The user to disable.</source>
        <translation>要停用的用户。</translation>
    </message>
    <message>
        <source>The user (default: the acting user).</source>
        <translation>用户（默认：当前执行操作的用户）。</translation>
    </message>
    <message>
        <source>File holding the new password.</source>
        <translation>存放新密码的文件。</translation>
    </message>
    <message>
        <source>unknown subcommand &quot;users %1&quot;; use add, list, disable or passwd</source>
        <translation>未知子命令“users %1”；请使用 add、list、disable 或 passwd</translation>
    </message>
    <message>
        <source>First row (default 1).</source>
        <translation>起始行号（默认 1）。</translation>
    </message>
    <message>
        <source>At most N rows.</source>
        <translation>最多显示 N 行。</translation>
    </message>
    <message>
        <source>unknown subcommand &quot;audit %1&quot;; use verify or list</source>
        <translation>未知子命令“audit %1”；请使用 verify 或 list</translation>
    </message>
    <message>
        <source>Purge every receipted enrollment now, ignoring the retention period.</source>
        <translation>立即清除所有已获回执的登记记录，不考虑保留期限。</translation>
    </message>
    <message>
        <source>File holding the recovery key.</source>
        <translation>存放恢复密钥的文件。</translation>
    </message>
    <message>
        <source>Login name of the admin to create.</source>
        <translation>要创建的管理员的登录名。</translation>
    </message>
    <message>
        <source>File holding the new admin&apos;s password.</source>
        <translation>存放新管理员密码的文件。</translation>
    </message>
    <message>
        <source>The old recovery key no longer works. Write the new one down now: it is shown only once.</source>
        <translation>旧的恢复密钥已失效。请立即抄下新的恢复密钥：它只显示这一次。</translation>
    </message>
    <message>
        <source>The setting.</source>
        <translation>设置项。</translation>
    </message>
    <message>
        <source>Its new value.</source>
        <translation>设置项的新值。</translation>
    </message>
    <message>
        <source>unknown subcommand &quot;settings %1&quot;; use list or set</source>
        <translation>未知子命令“settings %1”；请使用 list 或 set</translation>
    </message>
    <message>
        <source>Quality profile: icao, default or lowres (default: default).</source>
        <translation>质量配置：icao、default 或 lowres（默认：default）。</translation>
    </message>
    <message>
        <source>A video, an image or a folder of images.</source>
        <translation>一段视频、一张图像或一个图像文件夹。</translation>
    </message>
    <message>
        <source>Stop after N frames.</source>
        <translation>处理 N 帧后停止。</translation>
    </message>
    <message>
        <source>Scale frames to WxH first.</source>
        <translation>先将各帧缩放为 WxH。</translation>
    </message>
    <message>
        <source>An image with one face.</source>
        <translation>一张只含一张人脸的图像。</translation>
    </message>
    <message>
        <source>An image or a video (its best-quality frame is used).</source>
        <translation>一张图像或一段视频（使用其中质量最好的一帧）。</translation>
    </message>
    <message>
        <source>An image or a video.</source>
        <translation>一张图像或一段视频。</translation>
    </message>
    <message>
        <source>Read at most N frames of a video.</source>
        <translation>视频最多读取 N 帧。</translation>
    </message>
    <message>
        <source>A video or image folder.</source>
        <translation>一段视频或一个图像文件夹。</translation>
    </message>
    <message>
        <source>Frames to use (default 480).</source>
        <translation>使用的帧数（默认 480）。</translation>
    </message>
    <message>
        <source>Repetitions; medians are reported (default 3).</source>
        <translation>重复次数；报告各次结果的中位数（默认 3）。</translation>
    </message>
    <message>
        <source>usage: faceenroll-cli COMMAND [OPTIONS] ARGS</source>
        <translation>用法：faceenroll-cli COMMAND [OPTIONS] ARGS</translation>
    </message>
    <message>
        <source>commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>faceenroll-cli: unknown command &quot;%1&quot;; run faceenroll-cli --help</source>
        <translation>faceenroll-cli：未知命令“%1”；请运行 faceenroll-cli --help 查看帮助</translation>
    </message>
    <message>
        <source>bad face position in &quot;%1&quot; (want @X:Y)</source>
        <translation>&quot;%1&quot; 中的人脸位置无效（应为 @X:Y）</translation>
    </message>
    <message>
        <source>Rows a,b,label[,identity_a,identity_b]: images, VIDEO#FRAME or IMAGE@X:Y, label 1 same person, 0 different.</source>
        <translation>每行 a,b,label[,identity_a,identity_b]：图像、VIDEO#FRAME 或 IMAGE@X:Y，标签 1 表示同一人，0 表示不同的人。</translation>
    </message>
    <message>
        <source>Target false match rates measured directly (default 0.01,0.001).</source>
        <translation>直接测量的目标误匹配率（默认 0.01,0.001）。</translation>
    </message>
    <message>
        <source>Expected false duplicate flags per 1,000 enrollments (default: the station default, 1).</source>
        <translation>每 1,000 次登记预期的误报重复标记数（默认：本站默认值 1）。</translation>
    </message>
    <message>
        <source>Gallery sizes of the duplicate table (default 1000,10000,100000,1000000).</source>
        <translation>重复检索表中的人脸库规模（默认 1000,10000,100000,1000000）。</translation>
    </message>
    <message>
        <source>Leave out the pairs of a face the detector does not find (listed) instead of stopping.</source>
        <translation>检测器找不到某张人脸时，略去含该人脸的配对（并列出），而不是中止。</translation>
    </message>
    <message>
        <source>--gallery-sizes takes whole numbers from 1 to 1000000000</source>
        <translation>--gallery-sizes 取 1 到 1000000000 之间的整数</translation>
    </message>
    <message>
        <source>%1 is empty: write the password into the file (one line)</source>
        <translation>%1 为空：请将密码写入该文件（一行）</translation>
    </message>
    <message>
        <source>Seconds to wait for another FaceEnroll process that holds the key file (default %1).</source>
        <translation>等待占用密钥文件的另一个 FaceEnroll 进程的秒数（默认 %1）。</translation>
    </message>
    <message>
        <source>faceenroll-cli: waiting for another FaceEnroll process to finish with the store…</source>
        <translation>faceenroll-cli：正在等待另一个 FaceEnroll 进程结束对加密数据库的操作…</translation>
    </message>
    <message>
        <source>the password of %1 was set by an administrator and works only once: choose your own first (faceenroll-cli users passwd --db %2 --user %1 --new-password-file FILE)</source>
        <translation>%1 的密码由管理员设置，只能使用一次：请先设置您自己的密码（faceenroll-cli users passwd --db %2 --user %1 --new-password-file FILE）</translation>
    </message>
    <message>
        <source>The password works once: %1 chooses their own at the first login (faceenroll-cli users passwd).</source>
        <translation>该密码只能使用一次：%1 须在首次登录时设置自己的密码（faceenroll-cli users passwd）。</translation>
    </message>
    <message>
        <source>not a setting of this version; ignored</source>
        <translation>不是本版本的设置项；已忽略</translation>
    </message>
    <message>
        <source>The bundle file to write (must not exist).</source>
        <translation>要写入的数据包文件（不得已存在）。</translation>
    </message>
    <message>
        <source>Every enrollment waiting for upload.</source>
        <translation>所有等待上传的登记。</translation>
    </message>
    <message>
        <source>An enrollment to export (repeatable).</source>
        <translation>要导出的登记（可重复）。</translation>
    </message>
    <message>
        <source>The enrollments of an earlier bundle, exported again.</source>
        <translation>较早某个数据包中的登记，再次导出。</translation>
    </message>
    <message>
        <source>choose what to export: --all-pending, --enrollment ID... or --bundle ID</source>
        <translation>请选择要导出的内容：--all-pending、--enrollment ID... 或 --bundle ID</translation>
    </message>
    <message>
        <source>The bundle to import.</source>
        <translation>要导入的数据包。</translation>
    </message>
    <message>
        <source>The central service&apos;s base URL (http:// or https://).</source>
        <translation>中心服务的基础 URL（http:// 或 https://）。</translation>
    </message>
    <message>
        <source>Tries per bundle before the run stops (default 8).</source>
        <translation>每个数据包在本次运行停止前的尝试次数（默认 8）。</translation>
    </message>
    <message>
        <source>First retry delay ceiling in ms (default 500; doubles per try, with jitter).</source>
        <translation>首次重试延迟上限，单位毫秒（默认 500；每次尝试加倍，带随机抖动）。</translation>
    </message>
    <message>
        <source>Largest retry delay in ms (default 30000).</source>
        <translation>最大重试延迟，单位毫秒（默认 30000）。</translation>
    </message>
    <message>
        <source>Abandon a request without progress after this long (default 60000).</source>
        <translation>请求在这么长时间内没有进展即放弃（默认 60000）。</translation>
    </message>
    <message>
        <source>At most this many enrollments per bundle (default 500).</source>
        <translation>每个数据包最多包含这么多登记（默认 500）。</translation>
    </message>
    <message>
        <source>Send the bundles the receiver refused before once more.</source>
        <translation>将接收方之前拒绝的数据包再发送一次。</translation>
    </message>
    <message>
        <source>The bundle to check.</source>
        <translation>要检查的数据包。</translation>
    </message>
    <message>
        <source>A trust list: the station must be in it with the bundle&apos;s key.</source>
        <translation>信任列表：工作站必须以数据包中的密钥列于其中。</translation>
    </message>
    <message>
        <source>The central service&apos;s public key file (central.pub).</source>
        <translation>中心服务的公钥文件（central.pub）。</translation>
    </message>
    <message>
        <source>Also append the trust-list line to this file.</source>
        <translation>同时将信任列表行追加到此文件。</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>unknown subcommand &quot;keys %1&quot;; use set-central or export-station-public</source>
        <translation>未知子命令“keys %1”；请使用 set-central 或 export-station-public</translation>
    </message>
    <message>
        <source>The trust list: it replaces the current one.</source>
        <translation>信任列表：它将替换当前列表。</translation>
    </message>
    <message>
        <source>unknown subcommand &quot;trust %1&quot;; use import or list</source>
        <translation>未知子命令“trust %1”；请使用 import 或 list</translation>
    </message>
    <message>
        <source>The receipts file to write (must not exist).</source>
        <translation>要写入的回执文件（不得已存在）。</translation>
    </message>
    <message>
        <source>Only the receipts for this station&apos;s bundles.</source>
        <translation>仅此工作站数据包的回执。</translation>
    </message>
    <message>
        <source>A receipts file from the relaying station.</source>
        <translation>来自中转工作站的回执文件。</translation>
    </message>
    <message>
        <source>unknown subcommand &quot;receipts %1&quot;; use export or import</source>
        <translation>未知子命令“receipts %1”；请使用 export 或 import</translation>
    </message>
    <message>
        <source>document (1:1 against an ID photo, the default) or duplicate (as one comparison of the 1:N search).</source>
        <translation>document（与证件照 1:1 比对，默认）或 duplicate（作为 1:N 检索中的一次比对）。</translation>
    </message>
    <message>
        <source>For --purpose duplicate: the gallery size the threshold is chosen for (default 1000).</source>
        <translation>用于 --purpose duplicate：选择阈值所依据的人脸库规模（默认 1000）。</translation>
    </message>
    <message>
        <source>A fixed decision threshold on the cosine similarity instead.</source>
        <translation>改用固定的余弦相似度判定阈值。</translation>
    </message>
    <message>
        <source>--purpose takes document or duplicate</source>
        <translation>--purpose 取 document 或 duplicate</translation>
    </message>
    <message>
        <source>--gallery-size goes with --purpose duplicate</source>
        <translation>--gallery-size 须与 --purpose duplicate 一起使用</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>示例：</translation>
    </message>
    <message>
        <source>usage: faceenroll-cli %1 SUBCOMMAND [options]</source>
        <translation>用法：faceenroll-cli %1 SUBCOMMAND [选项]</translation>
    </message>
    <message>
        <source>Subcommands (faceenroll-cli %1 SUBCOMMAND --help shows the options of one):</source>
        <translation>子命令（faceenroll-cli %1 SUBCOMMAND --help 显示某个子命令的选项）：</translation>
    </message>
    <message>
        <source>--%1 was given more than once; give it once</source>
        <translation>--%1 给出了不止一次；请只给一次</translation>
    </message>
    <message>
        <source>--%1: the file %2 does not exist</source>
        <translation>--%1：文件 %2 不存在</translation>
    </message>
    <message>
        <source>The ID-document photo: an image, or a video with --id-photo-frame.</source>
        <translation>证件照片：一张图像，或配合 --id-photo-frame 的视频。</translation>
    </message>
    <message>
        <source>Take the ID-document photo from this frame (0-based) of the --id-photo video.</source>
        <translation>从 --id-photo 视频的这一帧（从 0 开始）取证件照片。</translation>
    </message>
    <message>
        <source>The customer&apos;s name (visible in the process list: prefer --subject-file).</source>
        <translation>客户姓名（在进程列表中可见：建议使用 --subject-file）。</translation>
    </message>
    <message>
        <source>cn_resident_id (Chinese resident identity card), passport, or national_id (another country&apos;s identity card).</source>
        <translation>cn_resident_id（中国居民身份证）、passport（护照）或 national_id（其他国家的身份证）。</translation>
    </message>
    <message>
        <source>The document&apos;s number (visible in the process list: prefer --subject-file).</source>
        <translation>证件号码（在进程列表中可见：建议使用 --subject-file）。</translation>
    </message>
    <message>
        <source>The phone number, E.164 (or national with --region; visible in the process list: prefer --subject-file).</source>
        <translation>电话号码，E.164 格式（或配合 --region 的国内格式；在进程列表中可见：建议使用 --subject-file）。</translation>
    </message>
    <message>
        <source>Keep an ID-document photo that fails the document quality check (flagged).</source>
        <translation>保留未通过证件质量检查的证件照片（会被标记）。</translation>
    </message>
    <message>
        <source>the date of birth takes a date like 1990-04-21</source>
        <translation>出生日期应为 1990-04-21 这样的日期</translation>
    </message>
    <message>
        <source>--%1: %2 exists already; choose another name, or add --force to replace it</source>
        <translation>--%1：%2 已存在；请换一个文件名，或加上 --force 以替换它</translation>
    </message>
    <message>
        <source>--%1 writes a %2 file: give a name ending in .%3</source>
        <translation>--%1 写入 %2 文件：请给出以 .%3 结尾的文件名</translation>
    </message>
    <message>
        <source>--%1: %2 is a folder; give a file name</source>
        <translation>--%1：%2 是文件夹；请给出文件名</translation>
    </message>
    <message>
        <source>--%1: %2 is not a regular file; it is not replaced</source>
        <translation>--%1：%2 不是普通文件；不会被替换</translation>
    </message>
    <message>
        <source>--%1 needs a video; %2 is a folder</source>
        <translation>--%1 需要视频；%2 是文件夹</translation>
    </message>
    <message>
        <source>--%1 needs a video (or an image); %2 is a folder</source>
        <translation>--%1 需要视频（或图像）；%2 是文件夹</translation>
    </message>
    <message>
        <source>--%1: %2 is not a regular file</source>
        <translation>--%1：%2 不是普通文件</translation>
    </message>
    <message>
        <source>--%1: the file %2 is empty</source>
        <translation>--%1：文件 %2 为空</translation>
    </message>
    <message>
        <source>--%1 needs a video to take a frame from; %2 is an image (leave out --%1-frame)</source>
        <translation>--%1 需要视频才能从中取帧；%2 是图像（请去掉 --%1-frame）</translation>
    </message>
    <message>
        <source>Write the chosen portrait JPEG to this new file, readable by you only (an export of biometric data).</source>
        <translation>将选出的人像 JPEG 写入这个新文件，仅您本人可读（这是生物特征数据的导出）。</translation>
    </message>
    <message>
        <source>Replace the --portrait file if it exists.</source>
        <translation>如果 --portrait 文件已存在则替换它。</translation>
    </message>
    <message>
        <source>--force goes with --portrait</source>
        <translation>--force 需与 --portrait 一起使用</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>标准输入</translation>
    </message>
    <message>
        <source>cannot read the subject file %1: %2</source>
        <translation>无法读取客户信息文件 %1：%2</translation>
    </message>
    <message>
        <source>the subject file %1 is larger than %2 KiB: it is not a subject</source>
        <translation>客户信息文件 %1 大于 %2 KiB：这不是客户信息</translation>
    </message>
    <message>
        <source>the subject file %1 is empty</source>
        <translation>客户信息文件 %1 为空</translation>
    </message>
    <message>
        <source>The customer&apos;s details as a JSON object {&quot;name&quot;, &quot;document_type&quot;, &quot;document_number&quot;, &quot;phone&quot;, optional &quot;date_of_birth&quot; and &quot;region&quot;}, from FILE or from standard input for &quot;-&quot;. Recommended: unlike --name, --document-number and --phone it is not visible to other users in the process list.</source>
        <translation>客户信息，JSON 对象 {&quot;name&quot;, &quot;document_type&quot;, &quot;document_number&quot;, &quot;phone&quot;, 可选的 &quot;date_of_birth&quot; 和 &quot;region&quot;}，来自 FILE，或在给出“-”时来自标准输入。推荐使用：与 --name、--document-number 和 --phone 不同，其他用户无法在进程列表中看到它。</translation>
    </message>
    <message>
        <source>the subject file %1 is not a JSON object (%2 at byte %3)</source>
        <translation>客户信息文件 %1 不是 JSON 对象（第 %3 字节处：%2）</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>不是对象</translation>
    </message>
    <message>
        <source>the subject file %1 has an unknown key &quot;%2&quot;; the keys are name, document_type, document_number, phone, date_of_birth and region</source>
        <translation>客户信息文件 %1 含有未知的键“%2”；可用的键为 name、document_type、document_number、phone、date_of_birth 和 region</translation>
    </message>
    <message>
        <source>in the subject file %1, &quot;%2&quot; must be a string</source>
        <translation>客户信息文件 %1 中的“%2”必须是字符串</translation>
    </message>
    <message>
        <source>the %1 is given twice, in the subject file and as --%2; give it once</source>
        <translation>%1 给出了两次：在客户信息文件中和作为 --%2；请只给一次</translation>
    </message>
    <message>
        <source>the subject file %1 has no &quot;%2&quot; (or pass --%3)</source>
        <translation>客户信息文件 %1 缺少“%2”（或使用 --%3）</translation>
    </message>
    <message>
        <source>--%1 is required (or give it as &quot;%2&quot; in --subject-file FILE)</source>
        <translation>需要 --%1（或在 --subject-file FILE 中以“%2”给出）</translation>
    </message>
    <message>
        <source>Commands that open the store log in as --user NAME with that user&apos;s password from --password-file FILE or the FACEENROLL_PASSWORD environment variable; passwords are never taken on the command line. While another FaceEnroll process holds the store they wait --lock-timeout SECONDS (default %1), then give up with exit status 2.</source>
        <translation>打开存储的命令以 --user NAME 登录，该用户的密码来自 --password-file FILE 或环境变量 FACEENROLL_PASSWORD；密码从不在命令行上接收。另一个 FaceEnroll 进程占用存储时，命令等待 --lock-timeout SECONDS 秒（默认 %1），然后放弃并以退出状态 2 结束。</translation>
    </message>
    <message>
        <source>enroll: give the customer&apos;s details with --subject-file FILE (JSON) or --subject-file - (standard input) rather than --name, --document-number and --phone, which other users of this computer can read in the process list.</source>
        <translation>enroll：请用 --subject-file FILE（JSON）或 --subject-file -（标准输入）提供客户信息，而不是 --name、--document-number 和 --phone——本机的其他用户可以在进程列表中看到这些选项。</translation>
    </message>
    <message>
        <source>Output: one JSON object per line, the last one {&quot;summary&quot;: {...}} (after a failure {&quot;summary&quot;: {&quot;error&quot;: ...}}); exit status 0 when it ran, 2 for bad usage or input.</source>
        <translation>输出：每行一个 JSON 对象，最后一行是 {&quot;summary&quot;: {...}}（失败时为 {&quot;summary&quot;: {&quot;error&quot;: ...}}）；运行完成时退出状态为 0，用法或输入错误时为 2。</translation>
    </message>
    <message>
        <source>faceenroll-cli COMMAND --help shows a command&apos;s options and an example.</source>
        <translation>faceenroll-cli COMMAND --help 显示某个命令的选项和示例。</translation>
    </message>
    <message>
        <source>internal error: %1</source>
        <translation>内部错误：%1</translation>
    </message>
    <message>
        <source>Skip the naive baseline: analysis and liveness only (for profilers such as callgrind).</source>
        <translation>跳过朴素基线：只测分析与活体检测（供 callgrind 等性能剖析工具使用）。</translation>
    </message>
</context>
<context>
    <name>fe::ui::AttemptStrip</name>
    <message>
        <source>✓ Attempt %1 passed: live person, portrait taken</source>
        <translation>✓ 第 %1 次尝试通过：真人，已拍摄人像</translation>
    </message>
    <message>
        <source>! Attempt %1: portrait taken, liveness not confirmed (%2)</source>
        <translation>! 第 %1 次尝试：已拍摄人像，活体未确认（%2）</translation>
    </message>
    <message>
        <source>✗ Attempt %1 failed: no good portrait (%2)</source>
        <translation>✗ 第 %1 次尝试失败：没有合格的人像（%2）</translation>
    </message>
    <message>
        <source>Attempts:</source>
        <translation>尝试记录：</translation>
    </message>
    <message>
        <source>✓ %1 passed</source>
        <translation>✓ 第 %1 次 通过</translation>
    </message>
    <message>
        <source>! %1 not confirmed: %2</source>
        <translation>! 第 %1 次 未确认：%2</translation>
    </message>
    <message>
        <source>✗ %1 failed: %2</source>
        <translation>✗ 第 %1 次 失败：%2</translation>
    </message>
</context>
<context>
    <name>fe::ui::CameraPane</name>
    <message>
        <source>&amp;Camera:</source>
        <translation>摄像头(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>fe::ui::CameraPicker</name>
    <message>
        <source>Demo camera (%1)</source>
        <translation>演示摄像头（%1）</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
</context>
<context>
    <name>fe::ui::CameraProblemBar</name>
    <message>
        <source>&amp;Try again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>Use the &amp;demo camera</source>
        <translation>使用演示摄像头(&amp;D)</translation>
    </message>
    <message>
        <source>C&amp;hoose another camera</source>
        <translation>选择其他摄像头(&amp;H)</translation>
    </message>
    <message>
        <source>No camera found. Connect a camera and choose it, or use the demo camera.</source>
        <translation>未找到摄像头。请连接摄像头并选择它，或使用演示摄像头。</translation>
    </message>
    <message>
        <source>The demo video cannot be played (%1). Run scripts/fetch-assets, or choose a camera.</source>
        <translation>无法播放演示视频（%1）。请运行 scripts/fetch-assets，或选择一个摄像头。</translation>
    </message>
    <message>
        <source>The camera could not be started: it may be in use by another program. Close that program and try again, or choose another camera.</source>
        <translation>无法启动摄像头：它可能正被其他程序占用。请关闭该程序后重试，或选择其他摄像头。</translation>
    </message>
    <message>
        <source>The camera stopped sending pictures. Check its cable and try again.</source>
        <translation>摄像头停止传送画面。请检查连接线后重试。</translation>
    </message>
    <message>
        <source>The camera was disconnected. Plug it in again: the capture goes on by itself, and the enrollment so far is kept.</source>
        <translation>摄像头已断开。请重新插上：采集会自动继续，已完成的登记内容会保留。</translation>
    </message>
    <message>
        <source>This camera sends pictures in a format FaceEnroll cannot read (%1). Choose another camera or another format.</source>
        <translation>该摄像头传送的画面格式 FaceEnroll 无法读取（%1）。请选择其他摄像头或其他格式。</translation>
    </message>
</context>
<context>
    <name>fe::ui::CameraSetupPage</name>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Choose the camera that faces the customer. The picture below is live.</source>
        <translation>请选择正对客户的摄像头。下方为实时画面。</translation>
    </message>
    <message>
        <source>Live picture of the chosen camera</source>
        <translation>所选摄像头的实时画面</translation>
    </message>
</context>
<context>
    <name>fe::ui::CaptureView</name>
    <message>
        <source>Camera picture</source>
        <translation>摄像头画面</translation>
    </message>
    <message>
        <source>Taking the portrait: stay like this</source>
        <translation>正在拍摄人像：请保持不动</translation>
    </message>
    <message>
        <source>Checking for natural movement: look at the camera</source>
        <translation>正在检测自然动作：请看向摄像头</translation>
    </message>
    <message>
        <source>Head pose</source>
        <translation>头部姿态</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) left</source>
        <translation>
            <numerusform>剩余 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Waiting for the camera…</source>
        <translation>正在等待摄像头……</translation>
    </message>
    <message>
        <source>capture %1 fps</source>
        <translation>采集 %1 帧/秒</translation>
    </message>
    <message>
        <source>analysis %1 fps</source>
        <translation>分析 %1 帧/秒</translation>
    </message>
    <message>
        <source>latency p50 %1 ms, p95 %2 ms</source>
        <translation>延迟 中位数 %1 毫秒，95 分位 %2 毫秒</translation>
    </message>
    <message>
        <source>dropped %1</source>
        <translation>丢弃 %1 帧</translation>
    </message>
</context>
<context>
    <name>fe::ui::ChoosePasswordWidget</name>
    <message>
        <source>The password needs at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>Type the same password twice.</source>
        <translation>请两次输入相同的密码。</translation>
    </message>
    <message>
        <source>At least %1 characters (a phrase of several words is best)</source>
        <translation>至少 %1 个字符（最好是由几个词组成的短语）</translation>
    </message>
    <message>
        <source>The two entries match</source>
        <translation>两次输入一致</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>&amp;Save password</source>
        <translation>保存密码(&amp;S)</translation>
    </message>
    <message>
        <source>Choose your password</source>
        <translation>设置您自己的密码</translation>
    </message>
    <message>
        <source>%1, the password you logged in with was set by an administrator and works only once. Choose your own to go on; only you will know it.</source>
        <translation>%1，您登录所用的密码由管理员设置，只能使用一次。请设置您自己的密码后继续；只有您本人知道这个密码。</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>再次输入(&amp;R)：</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>Save the new password</source>
        <translation>保存新密码</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>Log out without choosing a password</source>
        <translation>不设置密码，直接退出登录</translation>
    </message>
</context>
<context>
    <name>fe::ui::ConsentPage</name>
    <message>
        <source>Privacy notice, version %1</source>
        <translation>隐私告知，第 %1 版</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>知情同意</translation>
    </message>
    <message>
        <source>Show the customer this notice, or read it to them. Go on only when they agree.</source>
        <translation>请向客户出示或宣读本告知。客户同意后方可继续。</translation>
    </message>
    <message>
        <source>The customer has read the notice and &amp;agrees</source>
        <translation>客户已阅读告知并同意(&amp;A)</translation>
    </message>
    <message>
        <source>The customer agrees to the privacy notice</source>
        <translation>客户同意隐私告知</translation>
    </message>
    <message>
        <source>Customer &amp;refuses</source>
        <translation>客户拒绝(&amp;R)</translation>
    </message>
    <message>
        <source>The customer refuses: end the enrollment, nothing is stored</source>
        <translation>客户拒绝：结束登记，不保存任何信息</translation>
    </message>
    <message>
        <source>Privacy notice</source>
        <translation>隐私告知</translation>
    </message>
</context>
<context>
    <name>fe::ui::CustomerPage</name>
    <message>
        <source>Valid number: %1</source>
        <translation>号码有效：%1</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户信息</translation>
    </message>
    <message>
        <source>Type the details exactly as they are on the customer&apos;s identity document.</source>
        <translation>请严格按照客户身份证件上的内容填写。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Document &amp;type:</source>
        <translation>证件类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Document n&amp;umber:</source>
        <translation>证件号码(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Phone number:</source>
        <translation>手机号码(&amp;P)：</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>例如 %1</translation>
    </message>
</context>
<context>
    <name>fe::ui::EnrollmentController</name>
    <message>
        <source>Type the customer&apos;s name as on the document.</source>
        <translation>请按证件填写客户姓名。</translation>
    </message>
    <message>
        <source>The name is too long (at most %1 characters).</source>
        <translation>姓名过长（最多 %1 个字符）。</translation>
    </message>
    <message>
        <source>Type the document number.</source>
        <translation>请填写证件号码。</translation>
    </message>
    <message>
        <source>The document number is too long (at most %1 characters).</source>
        <translation>证件号码过长（最多 %1 个字符）。</translation>
    </message>
    <message>
        <source>Type the customer&apos;s phone number.</source>
        <translation>请填写客户的手机号码。</translation>
    </message>
    <message>
        <source>Not a valid phone number. Type it with its country code, e.g. +86.</source>
        <translation>不是有效的电话号码。请连同国家代码一起填写，例如 +86。</translation>
    </message>
    <message>
        <source>Not a valid phone number. Type a %1 number, or any number with its country code (e.g. +86).</source>
        <translation>不是有效的电话号码。请填写 %1 的号码，或带国家代码的任意号码（例如 +86）。</translation>
    </message>
    <message>
        <source>There is no picture to check yet.</source>
        <translation>还没有可供检查的画面。</translation>
    </message>
    <message>
        <source>Loading the enrolled faces was stopped.</source>
        <translation>已登记人脸的加载已停止。</translation>
    </message>
</context>
<context>
    <name>fe::ui::EnrollmentWizard</name>
    <message>
        <source>Cancel the enrollment?</source>
        <translation>取消本次登记？</translation>
    </message>
    <message>
        <source>The customer&apos;s data typed and captured so far will be discarded. Nothing is stored.</source>
        <translation>已填写和采集的客户数据将被丢弃，不会保存任何信息。</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keep working</source>
        <translation>继续登记(&amp;K)</translation>
    </message>
    <message>
        <source>New enrollment</source>
        <translation>新建登记</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Cancel the enrollment</source>
        <translation>取消登记</translation>
    </message>
    <message>
        <source>Save the enrollment</source>
        <translation>保存登记</translation>
    </message>
</context>
<context>
    <name>fe::ui::FirstRunWizard</name>
    <message>
        <source>Set up FaceEnroll</source>
        <translation>设置 FaceEnroll</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>fe::ui::HomeWidget</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&amp;New enrollment</source>
        <translation>新建登记(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new enrollment</source>
        <translation>开始新的登记</translation>
    </message>
    <message>
        <source>Administrators manage users and station settings with faceenroll-cli for now; their screens come with the next version.</source>
        <translation>目前管理员通过 faceenroll-cli 管理用户和工作站设置；相应界面将在下一版本提供。</translation>
    </message>
    <message>
        <source>Loc&amp;k</source>
        <translation>锁定(&amp;K)</translation>
    </message>
    <message>
        <source>Lock the station (Ctrl+L)</source>
        <translation>锁定工作站（Ctrl+L）</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>语言(&amp;G)：</translation>
    </message>
    <message>
        <source>Enrollment %1 saved and accepted.</source>
        <translation>登记 %1 已保存并通过。</translation>
    </message>
    <message>
        <source>Enrollment %1 saved. It is flagged: a supervisor will review it.</source>
        <translation>登记 %1 已保存。该登记已被标记：将由主管审核。</translation>
    </message>
    <message>
        <source>The customer refused consent. Nothing was stored.</source>
        <translation>客户拒绝同意。未保存任何信息。</translation>
    </message>
    <message>
        <source>The enrollment was cancelled. Nothing was stored.</source>
        <translation>登记已取消。未保存任何信息。</translation>
    </message>
    <message>
        <source>The enrollment in progress was discarded when the station locked. Nothing was stored.</source>
        <translation>工作站锁定时，进行中的登记已被丢弃。未保存任何信息。</translation>
    </message>
    <message>
        <source>your enrollments today</source>
        <translation>您今天的登记</translation>
    </message>
    <message>
        <source>enrollments today</source>
        <translation>今天的登记</translation>
    </message>
    <message>
        <source>waiting for review</source>
        <translation>等待审核</translation>
    </message>
    <message>
        <source>not yet exported or uploaded</source>
        <translation>尚未导出或上传</translation>
    </message>
</context>
<context>
    <name>fe::ui::IdPhotoPage</name>
    <message>
        <source>Import the ID photo</source>
        <translation>导入证件照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.webp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <source>Preparing face analysis…</source>
        <translation>正在准备人脸分析……</translation>
    </message>
    <message>
        <source>Checking the document photo…</source>
        <translation>正在检查证件照片……</translation>
    </message>
    <message>
        <source>There is no camera picture yet. Wait for the picture, or import an image.</source>
        <translation>还没有摄像头画面。请等待画面出现，或导入图片。</translation>
    </message>
    <message>
        <source>Several faces were found on this picture. Show only the document&apos;s photo.</source>
        <translation>画面中发现多张人脸。请只展示证件照片。</translation>
    </message>
    <message>
        <source>No face was found on this picture. Hold the document flat and well lit, then capture again (or import a better image).</source>
        <translation>画面中未发现人脸。请将证件放平并保证光线充足，然后重新拍摄（或导入更清晰的图片）。</translation>
    </message>
    <message>
        <source>Face found on the document; all %1 quality measures pass.</source>
        <translation>已在证件上找到人脸；全部 %1 项质量指标合格。</translation>
    </message>
    <message>
        <source>ID photo</source>
        <translation>证件照片</translation>
    </message>
    <message>
        <source>Hold the photo page of the document up to the camera and capture it, or import a scan.</source>
        <translation>请将证件的照片页对准摄像头并拍摄，或导入扫描件。</translation>
    </message>
    <message>
        <source>Ca&amp;pture document</source>
        <translation>拍摄证件(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Import image…</source>
        <translation>导入图片(&amp;I)……</translation>
    </message>
    <message>
        <source>Re&amp;take</source>
        <translation>重拍(&amp;T)</translation>
    </message>
    <message>
        <source>Capture the document photo from the camera</source>
        <translation>用摄像头拍摄证件照片</translation>
    </message>
    <message>
        <source>Import the document photo from an image file</source>
        <translation>从图片文件导入证件照片</translation>
    </message>
    <message>
        <source>Discard this document photo and capture again</source>
        <translation>丢弃这张证件照片并重新拍摄</translation>
    </message>
    <message>
        <source>Camera picture of the document</source>
        <translation>证件的摄像头画面</translation>
    </message>
    <message>
        <source>Loading the enrolled faces… %1 of %2</source>
        <translation>正在加载已登记的人脸…… %1 / %2</translation>
    </message>
    <message>
        <source>Loading the enrolled faces…</source>
        <translation>正在加载已登记的人脸……</translation>
    </message>
    <message>
        <source>Face found on the document. %1 of %2 quality measures pass (%3): retake it, or keep it anyway with a reason (the enrollment is then reviewed).</source>
        <translation>已在证件上找到人脸。%2 项质量指标中有 %1 项合格（%3）：请重拍，或填写理由后仍保留此照片（该登记将交由主管审核）。</translation>
    </message>
    <message>
        <source>&amp;Keep this ID photo anyway</source>
        <translation>仍保留此证件照(&amp;K)</translation>
    </message>
    <message>
        <source>Keep this ID photo although it fails the quality check; a supervisor reviews the enrollment</source>
        <translation>证件照未通过质量检查仍予保留；该登记将由主管审核</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <source>Why this photo (e.g. the document&apos;s photo is worn)</source>
        <translation>保留原因（例如：证件照片已磨损）</translation>
    </message>
    <message>
        <source>Reason for keeping this ID photo</source>
        <translation>保留此证件照的理由</translation>
    </message>
</context>
<context>
    <name>fe::ui::LanguageComboBox</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>fe::ui::LiveCapturePage</name>
    <message>
        <source>No attempt saw a face at all, so there is nothing to keep. Try again or cancel.</source>
        <translation>所有尝试都没有拍到人脸，无可保留。请重试或取消。</translation>
    </message>
    <message>
        <source>Preparing face analysis… the capture starts by itself.</source>
        <translation>正在准备人脸分析……采集会自动开始。</translation>
    </message>
    <message>
        <source>Capturing: the portrait is taken automatically when the check is done.</source>
        <translation>正在采集：检测完成后会自动拍摄人像。</translation>
    </message>
    <message>
        <source>Capturing: ask the customer to follow the prompts on the picture.</source>
        <translation>正在采集：请客户按照画面上的提示操作。</translation>
    </message>
    <message>
        <source>Waiting for the camera… the capture goes on when pictures come back.</source>
        <translation>正在等待摄像头……画面恢复后采集会继续。</translation>
    </message>
    <message>
        <source>A portrait was taken, but liveness was not confirmed. Try again, or continue: a supervisor will review the enrollment.</source>
        <translation>已拍摄人像，但活体未得到确认。请重试，或继续：主管将审核本次登记。</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) failed. Try again, continue with an override, or cancel the enrollment.</source>
        <translation>
            <numerusform>%n 次尝试失败。请重试、以人工放行继续，或取消登记。</numerusform>
        </translation>
    </message>
    <message>
        <source>The attempt failed. Help the customer follow the guidance, then try again.</source>
        <translation>本次尝试失败。请协助客户按提示调整后重试。</translation>
    </message>
    <message>
        <source>Preparing face analysis…</source>
        <translation>正在准备人脸分析……</translation>
    </message>
    <message>
        <source>Live capture</source>
        <translation>现场采集</translation>
    </message>
    <message>
        <source>The customer looks at the camera. Guidance and prompts appear on the picture.</source>
        <translation>客户看向摄像头。指引和提示显示在画面上。</translation>
    </message>
    <message>
        <source>Show &amp;landmarks</source>
        <translation>显示特征点(&amp;L)</translation>
    </message>
    <message>
        <source>Show the face landmarks on the picture</source>
        <translation>在画面上显示人脸特征点</translation>
    </message>
    <message>
        <source>Try &amp;again</source>
        <translation>重试(&amp;A)</translation>
    </message>
    <message>
        <source>Start a new capture attempt</source>
        <translation>开始新的采集尝试</translation>
    </message>
    <message>
        <source>Continue for &amp;review</source>
        <translation>继续并提交审核(&amp;R)</translation>
    </message>
    <message>
        <source>Keep this portrait; a supervisor reviews the liveness result</source>
        <translation>保留此人像；由主管审核活体检测结果</translation>
    </message>
    <message>
        <source>Continue with &amp;override…</source>
        <translation>人工放行并继续(&amp;O)……</translation>
    </message>
    <message>
        <source>Keep the best portrait below the quality standard, with a reason</source>
        <translation>保留未达质量标准的最佳人像，并说明理由</translation>
    </message>
    <message>
        <source>Live camera picture</source>
        <translation>实时摄像头画面</translation>
    </message>
    <message>
        <source>The capture stopped: try again</source>
        <translation>采集已中断：请重试</translation>
    </message>
    <message>
        <source>Portrait taken: done</source>
        <translation>已拍摄人像：完成</translation>
    </message>
    <message>
        <source>Liveness not confirmed: try again, or continue for review</source>
        <translation>未确认活体：请重试，或继续并交由主管审核</translation>
    </message>
    <message>
        <source>Attempt failed: %1. Try again, override or cancel</source>
        <translation>本次失败：%1。请重试、强制继续或取消</translation>
    </message>
    <message>
        <source>Attempt failed: %1. Try again</source>
        <translation>本次失败：%1。请重试</translation>
    </message>
</context>
<context>
    <name>fe::ui::LoginWidget</name>
    <message>
        <source>Type your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在验证……</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>登录(&amp;L)</translation>
    </message>
    <message>
        <source>Station locked</source>
        <translation>工作站已锁定</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Enter the password of %1 to go on.</source>
        <translation>请输入 %1 的密码以继续。</translation>
    </message>
    <message>
        <source>FaceEnroll workstation</source>
        <translation>FaceEnroll 工作站</translation>
    </message>
    <message>
        <source>FaceEnroll workstation: %1</source>
        <translation>FaceEnroll 工作站：%1</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Unlock the station</source>
        <translation>解锁工作站</translation>
    </message>
    <message>
        <source>&amp;Switch user</source>
        <translation>切换用户(&amp;S)</translation>
    </message>
    <message>
        <source>Log out the locked user and log in as someone else</source>
        <translation>注销被锁定的用户并以其他用户登录</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>语言(&amp;G)：</translation>
    </message>
</context>
<context>
    <name>fe::ui::MainWindow</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Station %1 · %2 (%3)</source>
        <translation>工作站 %1 · %2（%3）</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>DEMO camera: %1</source>
        <translation>演示摄像头：%1</translation>
    </message>
    <message>
        <source>Camera: %1</source>
        <translation>摄像头：%1</translation>
    </message>
    <message>
        <source>FaceEnroll</source>
        <translation>FaceEnroll 人脸登记</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Show capture figures</source>
        <translation>显示采集数据</translation>
    </message>
    <message>
        <source>New enrollment</source>
        <translation>新建登记</translation>
    </message>
</context>
<context>
    <name>fe::ui::MeasureMode</name>
    <message>
        <source>Preparing face analysis…</source>
        <translation>正在准备人脸分析……</translation>
    </message>
</context>
<context>
    <name>fe::ui::OverrideDialog</name>
    <message>
        <source>Continue with a portrait below the standard</source>
        <translation>使用未达标准的人像继续</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) failed to take a portrait that meets the quality standard. You may keep the best picture taken, but the enrollment will be flagged and a supervisor will review it. Say why (for example: the customer cannot hold their head still).</source>
        <translation>
            <numerusform>%n 次尝试都未能拍到符合质量标准的人像。您可以保留已拍到的最佳画面，但本次登记会被标记并由主管审核。请说明理由（例如：客户无法保持头部不动）。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <source>Reason for the override</source>
        <translation>人工放行的理由</translation>
    </message>
    <message>
        <source>Continue with &amp;override</source>
        <translation>人工放行并继续(&amp;O)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>fe::ui::RecoveryKeyPage</name>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>Write this key down and keep it locked away. It is shown only now.</source>
        <translation>请抄下此密钥并妥善锁存。它只显示这一次。</translation>
    </message>
    <message>
        <source>If every administrator password is lost, this key is the only way back into the station&apos;s data. FaceEnroll does not keep a copy.</source>
        <translation>如果所有管理员密码都丢失，此密钥是恢复工作站数据的唯一途径。FaceEnroll 不保留副本。</translation>
    </message>
    <message>
        <source>I have &amp;saved the recovery key</source>
        <translation>我已保存恢复密钥(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Type its last group again:</source>
        <translation>再次输入最后一组(&amp;T)：</translation>
    </message>
    <message>
        <source>The last group of the recovery key</source>
        <translation>恢复密钥的最后一组</translation>
    </message>
</context>
<context>
    <name>fe::ui::ResultPage</name>
    <message>
        <source>Live portrait</source>
        <translation>现场人像</translation>
    </message>
    <message>
        <source>Face on the ID document</source>
        <translation>证件上的人脸</translation>
    </message>
    <message>
        <source>&lt;b&gt;Face vs ID photo:&lt;/b&gt; similarity %1, threshold %2: %3</source>
        <translation>&lt;b&gt;人脸与证件照比对：&lt;/b&gt;相似度 %1，阈值 %2：%3</translation>
    </message>
    <message>
        <source>✓ same person</source>
        <translation>✓ 同一人</translation>
    </message>
    <message>
        <source>✗ not the same person</source>
        <translation>✗ 不是同一人</translation>
    </message>
    <message>
        <source>&lt;b&gt;Liveness:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;活体检测：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Flags:&lt;/b&gt; none</source>
        <translation>&lt;b&gt;标记：&lt;/b&gt;无</translation>
    </message>
    <message>
        <source>&lt;b&gt;Flags:&lt;/b&gt;</source>
        <translation>&lt;b&gt;标记：&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Reason given: %1</source>
        <translation>所述理由：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;! Flagged.&lt;/b&gt; Save it: a supervisor will review this enrollment before it is used.</source>
        <translation>&lt;b&gt;! 已标记。&lt;/b&gt;请保存：本次登记在使用前将由主管审核。</translation>
    </message>
    <message>
        <source>&lt;b&gt;✓ All checks passed.&lt;/b&gt; Save the enrollment.</source>
        <translation>&lt;b&gt;✓ 全部检查通过。&lt;/b&gt;请保存登记。</translation>
    </message>
    <message>
        <source>The enrollment was not saved: %1 Nothing is lost: try Save again.</source>
        <translation>登记未保存：%1 数据没有丢失：请再次点击保存。</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Check the portrait against the ID photo, then save.</source>
        <translation>请核对人像与证件照片，然后保存。</translation>
    </message>
    <message>
        <source>ID document</source>
        <translation>身份证件</translation>
    </message>
</context>
<context>
    <name>fe::ui::StationSetupPage</name>
    <message>
        <source>Give the station a name.</source>
        <translation>请为工作站命名。</translation>
    </message>
    <message>
        <source>The password needs at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>Type the same password twice.</source>
        <translation>请两次输入相同的密码。</translation>
    </message>
    <message>
        <source>Password: at least %1 characters (a phrase of several words is best)</source>
        <translation>密码：至少 %1 个字符（最好是由几个词组成的短语）</translation>
    </message>
    <message>
        <source>The two entries match</source>
        <translation>两次输入一致</translation>
    </message>
    <message>
        <source>Set up this station</source>
        <translation>设置本工作站</translation>
    </message>
    <message>
        <source>Name the station and create its administrator. The administrator adds the operators and supervisors later.</source>
        <translation>为工作站命名并创建管理员。管理员稍后添加操作员和主管。</translation>
    </message>
    <message>
        <source>&amp;Station name:</source>
        <translation>工作站名称(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Administrator user name:</source>
        <translation>管理员用户名(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>重复密码(&amp;R)：</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>工作站名称</translation>
    </message>
    <message>
        <source>Administrator user name</source>
        <translation>管理员用户名</translation>
    </message>
    <message>
        <source>Administrator password</source>
        <translation>管理员密码</translation>
    </message>
    <message>
        <source>Repeat the administrator password</source>
        <translation>再次输入管理员密码</translation>
    </message>
    <message>
        <source>e.g. admin</source>
        <translation>例如 admin</translation>
    </message>
    <message>
        <source>e.g. Shop 12, counter 1</source>
        <translation>例如 第 12 号营业厅 1 号柜台</translation>
    </message>
    <message>
        <source>&amp;Create station</source>
        <translation>创建工作站(&amp;C)</translation>
    </message>
</context>
<context>
    <name>fe::ui::UiText</name>
    <message>
        <source>Something went wrong inside FaceEnroll (%1). Nothing was saved; try again, and tell your administrator if it happens again.</source>
        <translation>FaceEnroll 内部出错（%1）。未保存任何信息；请重试，如再次发生请告知管理员。</translation>
    </message>
    <message>
        <source>Looking for the document photo…</source>
        <translation>正在寻找证件照片……</translation>
    </message>
    <message>
        <source>Show the document&apos;s photo page to the camera</source>
        <translation>请将证件的照片页对准摄像头</translation>
    </message>
    <message>
        <source>Show only the document: one face in view</source>
        <translation>只展示证件：画面中只能有一张人脸</translation>
    </message>
    <message>
        <source>Hold the document closer to the camera</source>
        <translation>请将证件靠近摄像头</translation>
    </message>
    <message>
        <source>Hold the document a little further away</source>
        <translation>请将证件稍微拿远一些</translation>
    </message>
    <message>
        <source>Move the document to the middle of the picture</source>
        <translation>请将证件移到画面中央</translation>
    </message>
    <message>
        <source>Hold the document flat and straight</source>
        <translation>请将证件放平摆正</translation>
    </message>
    <message>
        <source>The photo on the document is hard to read; try another angle</source>
        <translation>证件上的照片难以识别；请换个角度</translation>
    </message>
    <message>
        <source>The picture is blurred: hold the document still</source>
        <translation>画面模糊：请拿稳证件</translation>
    </message>
    <message>
        <source>Too dark: give the document more light</source>
        <translation>太暗：请给证件更多光线</translation>
    </message>
    <message>
        <source>Too bright: tilt the document away from the glare</source>
        <translation>太亮：请倾斜证件避开反光</translation>
    </message>
    <message>
        <source>Uneven light: avoid shadows and glare on the document</source>
        <translation>光线不均：请避免证件上有阴影和反光</translation>
    </message>
    <message>
        <source>Hold the document still</source>
        <translation>请拿稳证件</translation>
    </message>
    <message>
        <source>Good: capture the document now</source>
        <translation>很好：现在拍摄证件</translation>
    </message>
    <message>
        <source>Looking for a face…</source>
        <translation>正在寻找人脸……</translation>
    </message>
    <message>
        <source>No face in view: the customer should face the camera</source>
        <translation>画面中没有人脸：请客户面向摄像头</translation>
    </message>
    <message>
        <source>Several faces in view: only the customer should be in the picture</source>
        <translation>画面中有多张人脸：画面中只能有客户本人</translation>
    </message>
    <message>
        <source>Move closer to the camera</source>
        <translation>请靠近摄像头</translation>
    </message>
    <message>
        <source>Move back a little</source>
        <translation>请稍微后退</translation>
    </message>
    <message>
        <source>Move into the middle of the picture</source>
        <translation>请移到画面中央</translation>
    </message>
    <message>
        <source>Look straight at the camera</source>
        <translation>请正视摄像头</translation>
    </message>
    <message>
        <source>Keep your head upright</source>
        <translation>请保持头部端正</translation>
    </message>
    <message>
        <source>Open your eyes</source>
        <translation>请睁开眼睛</translation>
    </message>
    <message>
        <source>Close your mouth</source>
        <translation>请闭上嘴巴</translation>
    </message>
    <message>
        <source>The picture is blurred: hold still</source>
        <translation>画面模糊：请保持不动</translation>
    </message>
    <message>
        <source>Too dark: more light on the face</source>
        <translation>太暗：请给面部补光</translation>
    </message>
    <message>
        <source>Too bright: less light on the face</source>
        <translation>太亮：请减弱面部光线</translation>
    </message>
    <message>
        <source>Uneven light: light the face from the front</source>
        <translation>光线不均：请从正面照亮面部</translation>
    </message>
    <message>
        <source>Hold still</source>
        <translation>请保持不动</translation>
    </message>
    <message>
        <source>Good: stay like this</source>
        <translation>很好：请保持</translation>
    </message>
    <message>
        <source>One face</source>
        <translation>单张人脸</translation>
    </message>
    <message>
        <source>Face size</source>
        <translation>人脸大小</translation>
    </message>
    <message>
        <source>In frame</source>
        <translation>完整入镜</translation>
    </message>
    <message>
        <source>Centred</source>
        <translation>居中</translation>
    </message>
    <message>
        <source>Turn</source>
        <translation>左右转动</translation>
    </message>
    <message>
        <source>Nod</source>
        <translation>上下俯仰</translation>
    </message>
    <message>
        <source>Tilt</source>
        <translation>歪头</translation>
    </message>
    <message>
        <source>Eyes open</source>
        <translation>睁眼</translation>
    </message>
    <message>
        <source>Mouth closed</source>
        <translation>闭嘴</translation>
    </message>
    <message>
        <source>Sharp</source>
        <translation>清晰</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>曝光</translation>
    </message>
    <message>
        <source>Even light</source>
        <translation>光线均匀</translation>
    </message>
    <message>
        <source>no face</source>
        <translation>没有人脸</translation>
    </message>
    <message>
        <source>several faces</source>
        <translation>多张人脸</translation>
    </message>
    <message>
        <source>face too small</source>
        <translation>人脸太小</translation>
    </message>
    <message>
        <source>head cut off by the edge</source>
        <translation>头部被画面边缘截断</translation>
    </message>
    <message>
        <source>not in the middle</source>
        <translation>不在中央</translation>
    </message>
    <message>
        <source>head turned sideways</source>
        <translation>头部侧转</translation>
    </message>
    <message>
        <source>head tilted up or down</source>
        <translation>头部上仰或低垂</translation>
    </message>
    <message>
        <source>head tilted to the side</source>
        <translation>头部歪向一侧</translation>
    </message>
    <message>
        <source>eyes closed</source>
        <translation>闭眼</translation>
    </message>
    <message>
        <source>mouth open</source>
        <translation>张嘴</translation>
    </message>
    <message>
        <source>blurred</source>
        <translation>模糊</translation>
    </message>
    <message>
        <source>too bright</source>
        <translation>太亮</translation>
    </message>
    <message>
        <source>too dark</source>
        <translation>太暗</translation>
    </message>
    <message>
        <source>uneven light</source>
        <translation>光线不均</translation>
    </message>
    <message>
        <source>Flag %1</source>
        <translation>标记 %1</translation>
    </message>
    <message>
        <source>Similarity %1, threshold %2</source>
        <translation>相似度 %1，阈值 %2</translation>
    </message>
    <message>
        <source>Numbers held: %1, maximum %2</source>
        <translation>持有号码：%1，上限 %2</translation>
    </message>
    <message>
        <source>Passive liveness score %1</source>
        <translation>静默活体分数 %1</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>too far</source>
        <translation>距离太远</translation>
    </message>
    <message>
        <source>too close</source>
        <translation>距离太近</translation>
    </message>
    <message>
        <source>not centred</source>
        <translation>未居中</translation>
    </message>
    <message>
        <source>head turned</source>
        <translation>头部侧转</translation>
    </message>
    <message>
        <source>head tilted</source>
        <translation>头部歪斜</translation>
    </message>
    <message>
        <source>moving</source>
        <translation>在移动</translation>
    </message>
    <message>
        <source>no good frame</source>
        <translation>无合格画面</translation>
    </message>
    <message>
        <source>face lost</source>
        <translation>人脸丢失</translation>
    </message>
    <message>
        <source>too slow</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>prompt not followed</source>
        <translation>未按提示动作</translation>
    </message>
    <message>
        <source>face changed</source>
        <translation>人脸发生变化</translation>
    </message>
    <message>
        <source>flat picture</source>
        <translation>平面图像</translation>
    </message>
    <message>
        <source>no blink</source>
        <translation>未眨眼</translation>
    </message>
    <message>
        <source>no head movement</source>
        <translation>头部无动作</translation>
    </message>
    <message>
        <source>wrong direction</source>
        <translation>方向错误</translation>
    </message>
    <message>
        <source>looks like a photo</source>
        <translation>疑似照片</translation>
    </message>
    <message>
        <source>live</source>
        <translation>活体</translation>
    </message>
    <message>
        <source>possible spoof</source>
        <translation>疑似攻击</translation>
    </message>
    <message>
        <source>undecided</source>
        <translation>无法判定</translation>
    </message>
    <message>
        <source>other movement</source>
        <translation>做了其他动作</translation>
    </message>
</context>
</TS>
