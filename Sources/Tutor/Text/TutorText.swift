import Course

/// Everything the tutor itself says, in both languages. Each case must
/// give a `LocalizedText`, whose initialiser takes both, so a sentence
/// cannot exist in one language only. `{name}` fields are filled in at use.
public enum TutorText: String, CaseIterable, Sendable {
    case welcome
    case endpointTarget
    case realTarget
    case sandboxTarget
    case noCredentials
    case goodbye
    case unknownCommand
    case noLesson
    case unknownLesson
    case unknownStep
    case unknownCheck
    case lessonNotLoaded
    case started
    case lastStep
    case firstStep
    case noCheckForStep
    case noHints
    case hintTier
    case hintsExhausted
    case notQuiz
    case quizAnswerPrompt
    case quizRight
    case quizWrong
    case quizBadChoice
    case statusAccount
    case statusRegion
    case statusEndpoint
    case statusMode
    case statusRunning
    case statusNothingRunning
    case statusCost
    case statusPrices
    case modeSandbox
    case modeReal
    case modeEndpoint
    case languageSwitched
    case languageUsage
    case resetAsk
    case resetDone
    case leaveCostly
    case costlyStepAsk
    case lessonCost
    case needsLessons
    case prepareAsk
    case prepareAskCostly
    case prepareNothing
    case namesNone
    case nameListed
    case nameSet
    case nameCleared
    case nameUnknown
    case nameUsage
    case prepareDone
    case costlyStepDeclined
    case leaveTearingDown
    case signalTearingDown
    case signalLeaving
    case waitCancelled
    case waiting
    case waitingHint
    case preflightOK
    case preflightProblems
    case wrongPlace
    case lessonLine
    case helpIntro
    case helpUsage
    case helpMore
    case commandFailed
    case ownSandbox
    case awsAnswered
    case fixRegion
    case fixConfigSetting
    case fixCredentials
    case fixEndpoint
    case fixNetwork
    case fixAccessKey
    case fixGeneral
    case noServiceLinkedRole
    case fixServiceLinkedRole
    case dockerEngineDown
    case fixDockerEngine
    case noDocker
    case fixDocker
    case noNode
    case fixNode
    case doNeedsLessons
    case costlyCallAsk
    case costlyNeedsYes
    case quizAlreadyRight
    case quizAnsweredForYou
    case stepAlreadyDone
    case dryRunCall
    case callReused
    case callUsedExisting
    case callRecovered
    case drawOffer
    case scriptSaved
    case scriptNotSaved
    case scriptUsage
    case nothingToScript
    case drawUsage
    case valueSaved
    case stepWaiting
    case callDeclined
    case appLaidOut
    case appStarted
    case appPrepareFailed
    case deletedOnPurpose
    case dryRunDelete
    case alreadyGone
    case stillInUse
    case teardownWaiting
    case cannotDelete
    case deleteFailed
    case deletedSummary
    case deletedEntry
    case confirmedNothingTagged
    case confirmedDeletedGone
    case stillThere
    case checkSettling
    case resumeAt
    case stoppingLocalApp
    case inTheConsole
    case showNextDo
    case showNextQuiz
    case typeNext
    case cleanupNeedsYes
    case cleanupWhere
    case cleanupPlanHeading
    case cleanupPlanRow
    case cleanupOursByLedger
    case cleanupOursByTags
    case cleanupOursByBoth
    case cleanupPlanCost
    case cleanupNothingOurs
    case cleanupHandBuiltHeading
    case cleanupHandBuiltRow
    case cleanupHandBuiltAsk
    case cleanupHandBuiltKept
    case cleanupPlanAsk
    case cleanupNothingDeleted
    case cleanupDryRunDone
    case cleanupDeletedOne
    case cleanupGoneOne
    case cleanupRetryingOne
    case cleanupFailedOne
    case cleanupLeftNothing
    case cleanupLeftHeading
    case cleanupLeftRow
    case cleanupStillTagged
    case reapRegion
    case timerSet
    case timerNotSet
    case reapNothingExpired
    case resetNeedsYes
    case lessonListLine
    case progressNotShown
    case sandboxLoopback
    case appFolderKept
    case appFolderRemoved
    case appFolderNotRemoved
    case appFolderWouldBeRemoved
    case gradeTimedOut
    case gradeUnreachable
    case gradeNoAccess
    case gradeLearnerDone
    case gradeReportsWritten
    case gradeUnknownVariable
    case gradeUnknownLesson
    case didYouMean
    case knownNames
    case gradeEmptyShard
    case mergeMismatch
    case mergeUnreadable
    case graderExternalIDMade

    public var text: LocalizedText {
        switch self {
        case .welcome:
            return LocalizedText(
                zh: "欢迎使用 ecslab —— AWS ECS 课程的导师。输入 help 查看命令，lessons 查看课程。",
                en: "Welcome to ecslab, the tutor for the AWS ECS course. Type help for the commands, lessons for the course.")
        case .endpointTarget:
            return LocalizedText(zh: "连接到端点 {endpoint}（账户 {account}，区域 {region}）。", en: "Connected to the endpoint {endpoint} (account {account}, region {region}).")
        case .realTarget:
            return LocalizedText(zh: "使用你的 AWS 账户 {account}，区域 {region}。会产生费用的操作会先询问你。", en: "Using your AWS account {account} in {region}. Anything that costs money is asked about first.")
        case .sandboxTarget:
            return LocalizedText(zh: "你在本地沙箱（本机上的模拟 AWS，端点 {endpoint}）中学习，不会产生费用。", en: "You are in the local sandbox (a simulated AWS on this machine, at {endpoint}); it costs nothing.")
        case .noCredentials:
            return LocalizedText(zh: "没有配置 AWS 凭证，所以使用本地沙箱。", en: "No AWS credentials are configured, so the tutor uses the local sandbox.")
        case .goodbye:
            return LocalizedText(zh: "再见！进度已保存。", en: "Goodbye! Your progress is saved.")
        case .unknownCommand:
            return LocalizedText(zh: "没有命令 {command}。输入 help 查看所有命令。", en: "There is no command {command}. Type help to see them all.")
        case .noLesson:
            return LocalizedText(zh: "还没有开始课程。先用 start 课程 开始，例如 start {example}。", en: "No lesson is started. Start one with start LESSON, for example start {example}.")
        case .unknownLesson:
            return LocalizedText(zh: "没有课程 {lesson}。课程有：{known}。", en: "There is no lesson {lesson}. The lessons are: {known}.")
        case .lessonNotLoaded:
            return LocalizedText(
                zh: "课程 {lesson} 的文件有错误，无法载入：{problem}；`ecslab lint` 会列出所有问题。",
                en: "Lesson {lesson} cannot be loaded: {problem}; `ecslab lint` lists every problem.")
        case .unknownCheck:
            return LocalizedText(zh: "课程 {lesson} 没有检查 {check}。它的检查有：{known}。", en: "Lesson {lesson} has no check {check}. Its checks are: {known}.")
        case .unknownStep:
            return LocalizedText(zh: "课程 {lesson} 没有步骤 {step}。它的步骤有：{known}。", en: "Lesson {lesson} has no step {step}. Its steps are: {known}.")
        case .started:
            return LocalizedText(zh: "开始课程 {lesson}：{title}", en: "Starting lesson {lesson}: {title}")
        case .lastStep:
            return LocalizedText(zh: "这是本课的最后一步。用 check all 检查整课，或 start 开始下一课。", en: "This is the lesson's last step. Run check all to grade the whole lesson, or start the next one.")
        case .firstStep:
            return LocalizedText(zh: "这已经是第一步。", en: "This is already the first step.")
        case .noCheckForStep:
            return LocalizedText(zh: "这一步没有自动检查。", en: "This step has no automated checks.")
        case .noHints:
            return LocalizedText(zh: "这一步没有提示。", en: "This step has no hints.")
        case .hintTier:
            return LocalizedText(zh: "提示 {tier}/{tiers}（{check}）：{hint}", en: "Hint {tier}/{tiers} ({check}): {hint}")
        case .hintsExhausted:
            return LocalizedText(zh: "提示已经全部给出。文档：{docs}", en: "That was the last hint. Documentation: {docs}")
        case .notQuiz:
            return LocalizedText(zh: "当前步骤不是测验。", en: "The current step is not a quiz.")
        case .quizAnswerPrompt:
            return LocalizedText(zh: "你的答案（1-{count}）：", en: "Your answer (1-{count}): ")
        case .quizRight:
            return LocalizedText(zh: "✓ 答对了。{explanation}", en: "✓ Right. {explanation}")
        case .quizWrong:
            return LocalizedText(zh: "✗ 不对。再想想，或用 hint 获得提示。", en: "✗ Not quite. Think again, or ask for a hint.")
        case .quizBadChoice:
            return LocalizedText(zh: "请输入 1 到 {count} 之间的数字。", en: "Please answer with a number from 1 to {count}.")
        case .statusAccount:
            return LocalizedText(zh: "账户：  {account}（{arn}）", en: "account:  {account} ({arn})")
        case .statusRegion:
            return LocalizedText(zh: "区域：  {region}", en: "region:   {region}")
        case .statusEndpoint:
            return LocalizedText(zh: "端点：  {endpoint}", en: "endpoint: {endpoint}")
        case .statusMode:
            return LocalizedText(zh: "环境：  {mode}", en: "mode:     {mode}")
        case .statusRunning:
            return LocalizedText(zh: "正在运行：{lesson}/{step} {operation} {name}（每小时约 {usd} 美元）", en: "running:  {lesson}/{step} {operation} {name} (about ${usd} an hour)")
        case .statusNothingRunning:
            return LocalizedText(zh: "正在运行：没有会产生费用的资源。", en: "running:  nothing that costs money.")
        case .statusCost:
            return LocalizedText(zh: "合计：  每小时约 {usd} 美元", en: "total:    about ${usd} an hour")
        case .statusPrices:
            return LocalizedText(
                zh: "价格：  prices.yaml 中 {region} 的按需价格，{checked} 核对；来源：{source}",
                en: "prices:   on-demand prices for {region} from prices.yaml, checked {checked}; source: {source}")
        case .modeSandbox:
            return LocalizedText(zh: "本地沙箱（模拟，不收费）", en: "local sandbox (simulated, free)")
        case .modeReal:
            return LocalizedText(zh: "真实的 AWS 账户", en: "a real AWS account")
        case .modeEndpoint:
            return LocalizedText(zh: "指定的端点（例如本地 moto 服务器）", en: "the given endpoint (a local moto server, say)")
        case .languageSwitched:
            return LocalizedText(zh: "已切换到中文。", en: "Switched to English.")
        case .languageUsage:
            return LocalizedText(zh: "用法：lang zh 或 lang en", en: "Usage: lang zh or lang en")
        case .resetAsk:
            return LocalizedText(zh: "忘记所有学习进度？（AWS 里的资源不受影响）", en: "Forget all your progress? (Nothing in AWS is touched.)")
        case .resetDone:
            return LocalizedText(zh: "进度已清除。", en: "Progress forgotten.")
        case .needsLessons:
            return LocalizedText(
                zh: "这一课要用到前面几课建立的资源，请先完成：{lessons}（例如输入 start {first}）。也可以输入 prepare，让导师替你完成它们。",
                en: "This lesson builds on what earlier lessons create; do them first: {lessons} (type start {first}). Or type prepare to have the tutor do them for you.")
        case .prepareAsk:
            return LocalizedText(zh: "导师将替你完成这些课程：{lessons}。继续吗？", en: "The tutor will do these lessons for you: {lessons}. Go ahead?")
        case .prepareAskCostly:
            return LocalizedText(
                zh: "导师将替你完成这些课程：{lessons}。其中有按小时收费的资源（每小时约 {usd} 美元）。继续吗？",
                en: "The tutor will do these lessons for you: {lessons}. Some of what they create is billed by the hour (about ${usd} an hour). Go ahead?")
        case .namesNone:
            return LocalizedText(
                zh: "你还没有改过名称，各课都用默认名称。用 set NAME=VALUE 改用你自己的名称，例如 set vpc_name=my-vpc。",
                en: "You have changed no names: every lesson uses its defaults. Use set NAME=VALUE to use your own, for example set vpc_name=my-vpc.")
        case .nameListed:
            return LocalizedText(zh: "  {name} = {value}（默认 {default}）", en: "  {name} = {value} (default {default})")
        case .nameSet:
            return LocalizedText(
                zh: "好的：从现在起 {name} 是 {value}（默认 {default}）。检查和导师的步骤都会用它。",
                en: "From now on {name} is {value} (the default is {default}); the checks and the tutor's steps use it.")
        case .nameCleared:
            return LocalizedText(zh: "{name} 又用回默认的 {default}。", en: "{name} is back to its default, {default}.")
        case .nameUnknown:
            return LocalizedText(zh: "没有叫 {name} 的名称{suggestion}", en: "There is no name called {name}{suggestion}")
        case .nameUsage:
            return LocalizedText(zh: "用法：set NAME=VALUE，例如 set vpc_name=my-vpc；set NAME= 恢复默认。", en: "Usage: set NAME=VALUE, for example set vpc_name=my-vpc; set NAME= goes back to the default.")
        case .prepareNothing:
            return LocalizedText(zh: "{lesson} 所依赖的课程都已完成，不需要准备。", en: "Everything {lesson} builds on is done already; nothing to prepare.")
        case .prepareDone:
            return LocalizedText(zh: "{lesson} 所依赖的课程都已完成。输入 show 继续这一课。", en: "Everything {lesson} builds on is in place. Type show to go on with the lesson.")
        case .lessonCost:
            return LocalizedText(zh: "费用：{note}", en: "Cost: {note}")
        case .costlyStepAsk:
            return LocalizedText(zh: "这一步会建立按小时收费的资源（每小时约 {usd} 美元）。继续吗？", en: "This step creates something billed by the hour (about ${usd} an hour). Go ahead?")
        case .costlyStepDeclined:
            return LocalizedText(zh: "好的，没有做这一步。", en: "All right, the step was not done.")
        case .leaveCostly:
            return LocalizedText(zh: "仍有会产生费用的资源在运行（每小时约 {usd} 美元）。现在删除它们吗？", en: "Resources that cost money are still running (about ${usd} an hour). Tear them down now?")
        case .leaveTearingDown:
            return LocalizedText(zh: "正在删除会产生费用的资源……", en: "Tearing down what costs money...")
        case .signalTearingDown:
            return LocalizedText(zh: "收到 {signal}：正在删除会产生费用的资源，然后退出。", en: "Received {signal}: tearing down what costs money, then leaving.")
        case .signalLeaving:
            return LocalizedText(zh: "收到 {signal}：没有会产生费用的资源在运行，直接退出。", en: "Received {signal}: nothing that costs money is running; leaving.")
        case .waitCancelled:
            return LocalizedText(zh: "已停止等待，回到提示符。已经创建的资源都记在账本里，可以再次 do 或 cleanup。", en: "Stopped waiting; back at the prompt. What was created is in the ledger: run do again, or cleanup.")
        case .waiting:
            return LocalizedText(zh: "等待 {awaited}（{seconds} 秒）", en: "waiting for {awaited} ({seconds}s)")
        case .waitingHint:
            return LocalizedText(zh: "按 Ctrl-C 停止等待", en: "Ctrl-C stops waiting")
        case .preflightOK:
            return LocalizedText(zh: "预检通过：凭证、区域和端点都正常。", en: "Preflight passed: credentials, region and endpoint are fine.")
        case .preflightProblems:
            return LocalizedText(zh: "预检发现问题：", en: "Preflight found problems:")
        case .wrongPlace:
            return LocalizedText(zh: "在区域 {region} 找到了 {check} 要找的资源，而不是在 {current}。用 --region {region} 重新打开 ecslab。", en: "What {check} looks for is in {region}, not in {current}. Open ecslab again with --region {region}.")
        case .lessonLine:
            return LocalizedText(zh: "{order}. {lesson}  {title}  已完成 {done}/{steps}", en: "{order}. {lesson}  {title}  {done}/{steps} done")
        case .helpIntro:
            return LocalizedText(zh: "命令（按 Tab 补全，↑/↓ 翻历史，Ctrl-R 搜索历史）：", en: "Commands (Tab completes, Up/Down walk the history, Ctrl-R searches it):")
        case .helpUsage:
            return LocalizedText(zh: "用法：{usage}", en: "usage: {usage}")
        case .helpMore:
            return LocalizedText(zh: "输入 help 命令 查看某个命令的说明。", en: "Type help COMMAND for one command.")
        case .commandFailed:
            return LocalizedText(zh: "出错了：{message}", en: "Failed: {message}")
        case .ownSandbox:
            return LocalizedText(zh: "没有正在运行的沙箱，所以这个命令使用它自己的沙箱，命令结束时一起结束；用 ecslab sandbox start 保持一个沙箱运行。", en: "no sandbox was running, so this command uses its own, which ends with it; keep one with ecslab sandbox start.")
        case .awsAnswered:
            return LocalizedText(zh: "AWS 回答：{error}", en: "AWS answered: {error}")
        case .fixRegion:
            return LocalizedText(zh: "设置 AWS_REGION=ap-northeast-1，或运行 aws configure set region ap-northeast-1，或加 --region", en: "set AWS_REGION=ap-northeast-1, run aws configure set region ap-northeast-1, or pass --region")
        case .fixConfigSetting:
            return LocalizedText(zh: "修正 ~/.aws/config 中的这一项", en: "correct that setting in ~/.aws/config")
        case .fixCredentials:
            return LocalizedText(zh: "运行 aws configure 配置访问密钥，或设置 AWS_PROFILE", en: "run aws configure to set an access key, or set AWS_PROFILE")
        case .fixEndpoint:
            return LocalizedText(zh: "检查 --endpoint-url 的写法，例如 http://127.0.0.1:5000", en: "check --endpoint-url, e.g. http://127.0.0.1:5000")
        case .fixNetwork:
            return LocalizedText(zh: "确认服务器正在运行、网络可用，然后重新打开 ecslab", en: "make sure the server runs and the network is up, then open ecslab again")
        case .fixAccessKey:
            return LocalizedText(zh: "在 IAM 控制台检查访问密钥是否有效、是否已过期", en: "check in the IAM console that the access key is active and not expired")
        case .fixGeneral:
            return LocalizedText(zh: "按上面的说明修正后重新打开 ecslab", en: "fix what the message says, then open ecslab again")
        case .noServiceLinkedRole:
            return LocalizedText(zh: "账户里还没有 ECS 的服务关联角色", en: "ECS's service-linked role does not exist in this account yet")
        case .fixServiceLinkedRole:
            return LocalizedText(zh: "运行 aws iam create-service-linked-role --aws-service-name ecs.amazonaws.com", en: "run aws iam create-service-linked-role --aws-service-name ecs.amazonaws.com")
        case .dockerEngineDown:
            return LocalizedText(zh: "Docker 已安装，但它的引擎没有回应（docker info 失败）", en: "Docker is installed, but its engine does not answer (docker info failed)")
        case .fixDockerEngine:
            return LocalizedText(zh: "启动 Docker Desktop，或运行 sudo systemctl start docker（第 6 课构建镜像时要用）", en: "start Docker Desktop, or run sudo systemctl start docker (lesson 6 builds an image with it)")
        case .noDocker:
            return LocalizedText(zh: "找不到 docker", en: "docker is not installed")
        case .fixDocker:
            return LocalizedText(zh: "安装 Docker（第 6 课构建镜像时要用）", en: "install Docker (lesson 6 builds an image with it)")
        case .noNode:
            return LocalizedText(zh: "找不到 node", en: "node is not installed")
        case .fixNode:
            return LocalizedText(zh: "安装 Node.js（第 6 课在本机运行 Web 应用时要用）", en: "install Node.js (lesson 6 runs the web app on this machine with it)")
        case .doNeedsLessons:
            return LocalizedText(zh: "课程 {lesson} 要用到这些课程建立的资源，请先完成：{lessons}。也可以运行 `ecslab do {target} --with-requirements` 让导师一并完成。", en: "Lesson {lesson} builds on what these lessons create; do them first: {lessons}. Or run `ecslab do {target} --with-requirements` to have the tutor do them too.")
        case .costlyCallAsk:
            return LocalizedText(zh: "{operation} 会产生费用（约 {usd} 美元/小时）。继续吗？", en: "{operation} costs money (about ${usd} an hour). Go ahead?")
        case .costlyNeedsYes:
            return LocalizedText(zh: "这一步会建立产生费用的资源；确认的话请加 --yes 重新运行。", en: "This step creates something that costs money; run again with --yes to allow it.")
        case .quizAlreadyRight:
            return LocalizedText(zh: "这道题已经答对了。", en: "Already answered correctly.")
        case .quizAnsweredForYou:
            return LocalizedText(zh: "答案：{answer}。{explanation}", en: "Answer: {answer}. {explanation}")
        case .stepAlreadyDone:
            return LocalizedText(zh: "这一步已经完成（检查全部通过），不再重复。", en: "Already done (its checks pass); nothing to do.")
        case .dryRunCall:
            return LocalizedText(zh: "（演练）将运行：{command}", en: "(dry run) would run: {command}")
        case .callReused:
            return LocalizedText(zh: "{operation} 之前已经做过，沿用它的结果。", en: "{operation} was done before; reusing its result.")
        case .callUsedExisting:
            return LocalizedText(
                zh: "没有运行 {operation}：沿用你已有的 {found}。", en: "Not calling {operation}: building on your own {found}.")
        case .nothingToScript:
            return LocalizedText(
                zh: "课程 {lesson} 只有阅读和测验，没有可以写进脚本的操作。", en: "Lesson {lesson} is reading and quizzes only: there is nothing in it to script.")
        case .scriptSaved:
            return LocalizedText(zh: "已存为 {file}；用 bash {name} 运行（需要 aws CLI）。", en: "Saved as {file}; run it with bash {name} (it needs the aws CLI).")
        case .scriptNotSaved:
            return LocalizedText(zh: "脚本没有存成 {file}：{reason}。换一个能写入的文件夹再启动导师，或用 ecslab script 课程 > 文件。", en: "The script was not saved as {file}: {reason}. Start the tutor in a folder you can write to, or use ecslab script LESSON > FILE.")
        case .scriptUsage:
            return LocalizedText(zh: "用法：script 课程 [--undo]，例如 script network", en: "Usage: script LESSON [--undo], for example script network")
        case .drawOffer:
            return LocalizedText(zh: "输入 draw 可以看到按 AWS 实际情况画出的图（draw {subject}）。", en: "Type draw to see it drawn as AWS has it (draw {subject}).")
        case .drawUsage:
            return LocalizedText(zh: "用法：draw network 或 draw cluster", en: "Usage: draw network or draw cluster")
        case .callRecovered:
            return LocalizedText(
                zh: "{operation} 的应答在网络上丢失了，但 AWS 已经完成了它：按它的 ecslab:entry 标签找到了创建的资源，不会再创建第二个。",
                en: "{operation}'s answer was lost on the way back, but AWS had done it: what it made was found by its ecslab:entry tag, and no second one is made.")
        case .valueSaved:
            return LocalizedText(zh: "  已保存 {name} = {value}", en: "  saved {name} = {value}")
        case .stepWaiting:
            return LocalizedText(zh: "  等待 {awaited}（第 {attempt}/{attempts} 次，已 {seconds} 秒）", en: "  waiting for {awaited} (try {attempt}/{attempts}, {seconds}s)")
        case .callDeclined:
            return LocalizedText(zh: "已取消：没有运行 {operation}。", en: "Cancelled: {operation} was not run.")
        case .appLaidOut:
            return LocalizedText(zh: "已在 {folder} 建立应用（新写入 {count} 个文件，已有的文件保持不变）。", en: "Laid out the app in {folder} ({count} new files; files already there were kept).")
        case .appStarted:
            return LocalizedText(zh: "已在本机启动 `{command}`（进程 {pid}），监听端口 {port}；清理时会停止它。", en: "Started `{command}` on this machine (process {pid}), listening on port {port}; cleanup stops it.")
        case .appPrepareFailed:
            return LocalizedText(zh: "`{command}` 没有成功（{problem}），仍然尝试启动。", en: "`{command}` did not succeed ({problem}); starting anyway.")
        case .deletedOnPurpose:
            return LocalizedText(zh: "{step} 创建的资源已经按课程要求删除，不再重新创建。", en: "What {step} created was deleted on purpose by the lesson; not made again.")
        case .dryRunDelete:
            return LocalizedText(zh: "（演练）将删除 {operation} 创建的资源：{command}", en: "(dry run) would delete what {operation} made: {command}")
        case .alreadyGone:
            return LocalizedText(zh: "  {operation} 创建的资源已经不存在。", en: "  what {operation} made is already gone.")
        case .stillInUse:
            return LocalizedText(zh: "  仍在使用中（{code}），{seconds} 秒后重试。", en: "  still in use ({code}); trying again in {seconds}s.")
        case .teardownWaiting:
            return LocalizedText(zh: "  等待 {awaited}……", en: "  waiting for {awaited}...")
        case .cannotDelete:
            return LocalizedText(zh: "  {operation} 创建的资源无法自动删除，请手动删除：{arns}", en: "  cannot delete what {operation} made by itself; delete it by hand: {arns}")
        case .deleteFailed:
            return LocalizedText(zh: "  删除 {operation} 创建的资源失败：{reason}", en: "  could not delete what {operation} made: {reason}")
        case .deletedSummary:
            return LocalizedText(zh: "已删除 {count} 个资源，每小时节省约 {usd} 美元。", en: "Deleted {count} resources, saving about ${usd} an hour.")
        case .deletedEntry:
            return LocalizedText(zh: "  - {operation}（{step}）", en: "  - {operation} ({step})")
        case .confirmedNothingTagged:
            return LocalizedText(zh: "已确认：没有留下带本课程标签的资源。", en: "Confirmed: nothing carrying the course tags is left.")
        case .confirmedDeletedGone:
            return LocalizedText(zh: "已确认：删除的资源都已不存在。", en: "Confirmed: everything deleted is gone.")
        case .stillThere:
            return LocalizedText(zh: "  仍然存在：{arn}", en: "  still there: {arn}")
        case .checkSettling:
            return LocalizedText(zh: "  {check}：等待 AWS 完成变更，最多还有 {seconds} 秒……", en: "  {check}: waiting for AWS to settle, {seconds}s left...")
        case .resumeAt:
            return LocalizedText(zh: "上次学到：{lesson}/{step}。输入 show 继续。", en: "You were at {lesson}/{step}. Type show to go on.")
        case .stoppingLocalApp:
            return LocalizedText(zh: "正在停止课程在本机启动的 `{command}`（进程 {pid}）。", en: "Stopping `{command}` (process {pid}), which the lesson started on this machine.")
        case .inTheConsole:
            return LocalizedText(zh: "控制台：{how}", en: "In the console: {how}")
        case .showNextDo:
            return LocalizedText(zh: "输入 do 让导师完成这一步，或在控制台手动完成后输入 check。", en: "Type do to let the tutor do it, or do it by hand and type check.")
        case .showNextQuiz:
            return LocalizedText(zh: "输入 quiz 编号 作答。", en: "Type quiz NUMBER to answer.")
        case .typeNext:
            return LocalizedText(zh: "输入 next 进入下一步。", en: "Type next for the next step.")
        case .cleanupNeedsYes:
            return LocalizedText(zh: "cleanup 会删除资源；确认的话请加 --yes 重新运行，或加 --dry-run 查看将删除什么。", en: "cleanup deletes resources; run it again with --yes to confirm, or --dry-run to see what it would delete.")
        case .cleanupWhere:
            return LocalizedText(zh: "账户 {account}，区域 {region}，学员 {owner}。", en: "Account {account}, region {region}, learner {owner}.")
        case .cleanupPlanHeading:
            return LocalizedText(zh: "计划：按以下顺序删除这里属于本课程的资源（{count} 个）：", en: "The plan: what is ours here ({count}), deleted in this order:")
        case .cleanupPlanRow:
            return LocalizedText(zh: "{rank}. {kind} {name}：依据{why}{cost}", en: "{rank}. {kind} {name}: ours by {why}{cost}")
        case .cleanupOursByLedger:
            return LocalizedText(zh: "账本", en: "the ledger")
        case .cleanupOursByTags:
            return LocalizedText(zh: "标签", en: "its tags")
        case .cleanupOursByBoth:
            return LocalizedText(zh: "账本和标签", en: "the ledger and its tags")
        case .cleanupPlanCost:
            return LocalizedText(zh: "这些资源现在每小时约花费 ${usd}；删除后每小时省下这么多。", en: "These cost about ${usd} an hour now; deleting them saves that much every hour.")
        case .cleanupNothingOurs:
            return LocalizedText(zh: "这里没有属于本课程（带本课程标签或记在账本里）的资源。", en: "Nothing here is ours: nothing carries our tags or is in the ledger.")
        case .cleanupHandBuiltHeading:
            return LocalizedText(
                zh: "按课程中的名称找到、没有本课程标签的资源（你手动建的）：只有你对每一个都回答“是”才会删除，--yes 不算：",
                en: "Found by the lessons' names, with none of our tags (built by hand): each is deleted only if you say yes to it; --yes alone never does:")
        case .cleanupHandBuiltRow:
            return LocalizedText(zh: "- {kind} {name}（第 {lesson} 课的名称）{cost}", en: "- {kind} {name} (a name from lesson {lesson}){cost}")
        case .cleanupHandBuiltAsk:
            return LocalizedText(zh: "删除你手动建的资源：{kind} {name}？", en: "Delete the {kind} {name}, which you built by hand?")
        case .cleanupHandBuiltKept:
            return LocalizedText(
                zh: "保留：{kind} {name}。要删除它，请在终端上运行 cleanup 并对它回答“是”，或在控制台里删除。",
                en: "Kept the {kind} {name}: to delete it, run cleanup on a terminal and say yes to it, or delete it in the console.")
        case .cleanupPlanAsk:
            return LocalizedText(zh: "删除计划中的这 {count} 个资源？", en: "Delete what the plan lists ({count})?")
        case .cleanupNothingDeleted:
            return LocalizedText(zh: "什么都没有删除。", en: "Nothing was deleted.")
        case .cleanupDryRunDone:
            return LocalizedText(zh: "（演练）什么都没有删除。", en: "(dry run) Nothing was deleted.")
        case .cleanupDeletedOne:
            return LocalizedText(zh: "已删除：{kind} {name}。", en: "Deleted the {kind} {name}.")
        case .cleanupGoneOne:
            return LocalizedText(zh: "{kind} {name} 已经不存在了。", en: "The {kind} {name} was already gone.")
        case .cleanupRetryingOne:
            return LocalizedText(zh: "{kind} {name} 还不能删除（{code}）；{seconds} 秒后再试。", en: "The {kind} {name} cannot be deleted yet ({code}); trying again in {seconds} s.")
        case .cleanupFailedOne:
            return LocalizedText(zh: "无法删除：{kind} {name}：{reason}", en: "Could not delete the {kind} {name}: {reason}")
        case .cleanupLeftNothing:
            return LocalizedText(
                zh: "剩下：无。AWS 里已查不到删除的资源，也没有其他带本课程标签的资源。",
                en: "Left: nothing. AWS lists none of what was deleted, and nothing else carries our tags.")
        case .cleanupLeftHeading:
            return LocalizedText(zh: "剩下 {count} 个，原因如下：", en: "Left: {count}, and why:")
        case .cleanupLeftRow:
            return LocalizedText(zh: "- {kind} {name}：{reason}", en: "- {kind} {name}: {reason}")
        case .cleanupStillTagged:
            return LocalizedText(zh: "仍然带着本课程的标签", en: "it still carries our tags")
        case .timerSet:
            return LocalizedText(
                zh: "已在你的账户里设好定时器：{utc} UTC（本机时间 {local}）时若还在，就{what}，即使这台电脑关着也会执行（--no-timer 可以关掉）。",
                en: "A timer in your account will {what} at {utc} UTC ({local} here) if it is still there, even with this computer off (--no-timer turns it off).")
        case .timerNotSet:
            return LocalizedText(
                zh: "没能在账户里设定时器（{reason}）；cleanup 和 reap 仍会删除它。",
                en: "No timer could be set in your account ({reason}); cleanup and reap still remove it.")
        case .reapRegion:
            return LocalizedText(zh: "区域 {region}：{count} 个属于本课程的资源已在 {time} 前过期。", en: "Region {region}: {count} resources of ours expired before {time}.")
        case .reapNothingExpired:
            return LocalizedText(zh: "区域 {region}：没有过期的资源（{kept} 个未过期，保留）。", en: "Region {region}: nothing has expired ({kept} not yet expired, kept).")
        case .resetNeedsYes:
            return LocalizedText(zh: "reset 会忘记你的学习进度；确认的话请加 --yes 重新运行。", en: "reset forgets your progress; run it again with --yes to confirm.")
        case .appFolderKept:
            return LocalizedText(
                zh: "应用文件夹 {folder} 是你的代码，保留不动；要删除它，运行 ecslab cleanup all --remove-app。",
                en: "The app folder {folder} holds your code and is kept; ecslab cleanup all --remove-app deletes it.")
        case .appFolderRemoved:
            return LocalizedText(zh: "已删除应用文件夹 {folder}。", en: "Deleted the app folder {folder}.")
        case .appFolderNotRemoved:
            return LocalizedText(zh: "无法删除应用文件夹 {folder}：{reason}", en: "Could not delete the app folder {folder}: {reason}")
        case .appFolderWouldBeRemoved:
            return LocalizedText(zh: "（演练）将删除应用文件夹 {folder}。", en: "(dry run) would delete the app folder {folder}.")
        case .sandboxLoopback:
            return LocalizedText(zh: "沙箱（模拟）：{ip} 在本机上是 {url}，用浏览器打开它。", en: "sandbox (simulated): {ip} is {url} on this machine; open that in a browser.")
        case .progressNotShown:
            return LocalizedText(zh: "没有显示进度：{reason}", en: "progress is not shown: {reason}")
        case .lessonListLine:
            return LocalizedText(zh: "{order}. {lesson}  {title}", en: "{order}. {lesson}  {title}")
        case .gradeTimedOut:
            return LocalizedText(zh: "未评分：{seconds} 秒内没有读完这个账户", en: "not graded: reading the account took more than {seconds} s")
        case .gradeUnreachable:
            return LocalizedText(zh: "未评分：无法进入这个账户：{reason}", en: "not graded: could not reach the account: {reason}")
        case .gradeNoAccess:
            return LocalizedText(zh: "未评分：这个账户拒绝了评分需要的每一次读取：{reason}", en: "not graded: the account refused every read grading needs: {reason}")
        case .gradeLearnerDone:
            return LocalizedText(zh: "[{done}/{of}] {id}：{score}", en: "[{done}/{of}] {id}: {score}")
        case .gradeReportsWritten:
            return LocalizedText(zh: "已评分 {graded} 名学员，{notGraded} 名未评分；报告在 {folder}：{files}", en: "graded {graded} learners, {notGraded} not graded; reports in {folder}: {files}")
        case .gradeUnknownVariable:
            return LocalizedText(zh: "{file}:{line}：花名册的列 var:{name} 不是任何课程变量；{suggestion}", en: "{file}:{line}: the roster column var:{name} is no lesson variable; {suggestion}")
        case .didYouMean:
            return LocalizedText(zh: "你是说 {name} 吗？", en: "did you mean {name}?")
        case .knownNames:
            return LocalizedText(zh: "已知的有：{known}", en: "known: {known}")
        case .gradeUnknownLesson:
            return LocalizedText(zh: "--lessons 里的 {lesson} 不是这门课的课；{suggestion}", en: "--lessons names {lesson}, which is no lesson; {suggestion}")
        case .gradeEmptyShard:
            return LocalizedText(zh: "第 {shard} 片没有学员：花名册只有 {count} 行", en: "shard {shard} has no learners: the roster has only {count} rows")
        case .mergeMismatch:
            return LocalizedText(zh: "无法合并 {folder}：{problem}", en: "cannot merge {folder}: {problem}")
        case .mergeUnreadable:
            return LocalizedText(zh: "无法读取 {file}：{problem}", en: "cannot read {file}: {problem}")
        case .graderExternalIDMade:
            return LocalizedText(zh: "外部 ID：{id}（把它写进花名册的 external_id 列）", en: "external id: {id} (put it in the roster's external_id column)")
        }
    }

    /// The text in `language`, with `{name}` fields filled in.
    public func callAsFunction(_ language: Language, _ fields: [String: String] = [:]) -> String {
        text.filling(fields)[language]
    }
}
