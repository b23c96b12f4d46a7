/**
 * The runtime's scenarios described in Chinese. The runtime sends each scenario's English
 * description (apps/runtime/scenarios/*.json); these are the same sentences in 简体中文, by
 * scenario name, with socketserver's identifiers as they are. A scenario not listed here
 * keeps the runtime's words.
 */
import type { ScenarioInfo } from '@sockscope/core/trace';
import type { Lang } from '../../i18n/i18n.js';

const EACH_CHILD = '三个客户端，每个都在一个子进程中处理。';
const EACH_THREAD = '三个客户端，每个都在一个新线程中处理。';
const IN_TURN = '三个客户端，由主循环依次逐个处理。';

/** The descriptions in Chinese, by scenario name. */
export const SCENARIO_ZH: Readonly<Record<string, string>> = {
  ForkingTCPServer: `ForkingTCPServer：${EACH_CHILD}`,
  ForkingUDPServer: `ForkingUDPServer：${EACH_CHILD}`,
  ForkingUnixDatagramServer: `ForkingUnixDatagramServer：${EACH_CHILD}`,
  ForkingUnixStreamServer: `ForkingUnixStreamServer：${EACH_CHILD}`,
  TCPServer: `TCPServer：${IN_TURN}`,
  UDPServer: `UDPServer：${IN_TURN}`,
  UnixDatagramServer: `UnixDatagramServer：${IN_TURN}`,
  UnixStreamServer: `UnixStreamServer：${IN_TURN}`,
  ThreadingTCPServer: `ThreadingTCPServer：${EACH_THREAD}`,
  ThreadingUDPServer: `ThreadingUDPServer：${EACH_THREAD}`,
  ThreadingUnixDatagramServer: `ThreadingUnixDatagramServer：${EACH_THREAD}`,
  ThreadingUnixStreamServer: `ThreadingUnixStreamServer：${EACH_THREAD}`,
  'bad-base-order':
    'class Bad(TCPServer, ThreadingMixIn)：混入类在 MRO 中排在 BaseServer 之后，所以 process_request 用的是 BaseServer 的实现，服务器悄无声息地变成了同步的。',
  'crash-handler': 'ThreadingTCPServer 搭配 CrashHandler：第二个客户端的数据引发 ValueError；handle_error 打印回溯信息，服务器继续运行。',
  'crash-sync':
    'TCPServer 搭配 CrashHandler，同步处理：第一个客户端的数据在主循环自己的 _handle_request_noblock 中引发 ValueError，它调用 handle_error 和 shutdown_request；主循环继续运行，接着处理第二个客户端。',
  'crash-udp':
    'UDPServer 搭配 DgramCrashHandler：第一个数据报在 handle 中引发 ValueError；finish 仍会发送写入 wfile 的内容（什么也没有：一个空数据报），然后 handle_error 打印回溯信息；第二个数据报被正常回显。',
  'daemon-threads':
    'ThreadingTCPServer，设置 daemon_threads = True：每个请求仍有自己的工作线程，但 _Threads.append 不保留守护线程，所以 server_close 的 _Threads.join 没有线程可等（处理器在 shutdown 之前早已结束，因此运行结果是确定的）。',
  'handle-request-timeout': 'TCPServer.handle_request()，timeout 为 0.2 秒，调用三次：来了一个客户端，之后两次等待都以 handle_timeout() 结束。',
  'max-children':
    'ForkingTCPServer，设置 max_children = 1，三个客户端同时到来：每次 fork 之后，service_actions 中的 collect_children 会等待（waitpid）子进程退出，所以子进程一次只运行一个，其他客户端在监听队列中等待。',
  'no-block-on-close':
    'ThreadingTCPServer，设置 block_on_close = False：服务器保留退化的 _NoThreads，它的 append 和 join 什么也不做，所以 server_close 不会等待仍在运行的处理器。',
  'reject-all': 'ThreadingTCPServer，基类最前面加入 RejectAll 混入类：verify_request 拒绝请求，shutdown_request 关闭连接，处理器从不运行。',
  'stream-echo':
    "ThreadingTCPServer 搭配 StreamEchoHandler（一个 StreamRequestHandler）：每个客户端发送两行，分别经由 rfile.readline 和 wfile.write 回显，然后关闭自己的写方向；readline 返回 b''，处理器结束。",
  'verify-reject-udp':
    'UDPServer，基类最前面加入 RejectAll 混入类：get_request 已经读取了数据报，verify_request 拒绝它，shutdown_request（对数据报而言 close_request 什么也不做）将其丢弃，客户端永远收不到回复。',
};

/** A scenario's description in `lang`: the runtime's English, or its Chinese when known. */
export function scenarioDescription(info: ScenarioInfo, lang: Lang): string {
  return lang === 'zh-CN' ? (SCENARIO_ZH[info.name] ?? info.description) : info.description;
}
