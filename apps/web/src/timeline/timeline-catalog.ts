/**
 * The timeline's strings in English and Simplified Chinese. Python identifiers (classes,
 * methods, `fork`, `waitpid`) stay untranslated.
 */
import type { Catalog } from '../i18n/i18n.js';

/** The marker kinds the model records, each with a label. */
export type MarkerKind =
  | 'accept' | 'connect' | 'recv' | 'send' | 'close' | 'socket_shutdown' | 'thread_spawn' | 'thread_exit'
  | 'thread_join' | 'fork' | 'child_exit' | 'reap' | 'bind' | 'listen' | 'stderr' | 'node_difference';

type Key =
  | 'label' | 'help' | 'summary' | 'summaryEmpty' | 'roleCount' | 'listSep'
  | 'role.main' | 'role.loop' | 'role.worker' | 'role.child' | 'role.client'
  | 'fit' | 'zoomIn' | 'zoomOut' | 'follow'
  | 'lost'
  | 'tip.self' | 'tip.duration' | 'tip.running' | 'tip.lane' | 'tip.raised' | 'tip.at' | 'tip.fd' | 'tip.conn'
  | 'tip.client' | 'tip.address' | 'tip.bytes' | 'tip.data' | 'tip.peer' | 'tip.role' | 'tip.how' | 'tip.thread'
  | 'tip.pid' | 'tip.status' | 'tip.backlog' | 'tip.rule' | 'tip.text' | 'tip.click'
  | `kind.${MarkerKind}`;

/** The timeline's catalog. */
export const TIMELINE_CATALOG: Catalog<Key> = {
  en: {
    label: 'Per-thread timeline',
    help: 'Wheel zooms, drag pans, Shift+wheel scrolls the lanes. Keys: ← → pan, ↑ ↓ scroll, + − zoom, 0 fits the trace, F follows new events. Click a call or an event to move the cursor there.',
    summary: 'Timeline of {lanes} lanes ({roles}) and {calls} calls over {duration}.',
    summaryEmpty: 'Timeline: no events yet.',
    roleCount: '{role}: {n}',
    listSep: ', ',
    'role.main': 'main thread',
    'role.loop': 'server loop',
    'role.worker': 'worker thread',
    'role.child': 'forked child',
    'role.client': 'client',
    fit: 'Fit',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    follow: 'Follow live',
    lost: '{n} events lost',
    'tip.self': 'self',
    'tip.duration': 'duration',
    'tip.running': 'still running ({duration} so far)',
    'tip.lane': 'lane',
    'tip.raised': 'raised',
    'tip.at': 'at',
    'tip.fd': 'fd',
    'tip.conn': 'new connection fd',
    'tip.client': 'client address',
    'tip.address': 'address',
    'tip.bytes': 'bytes',
    'tip.data': 'data',
    'tip.peer': 'peer',
    'tip.role': 'socket',
    'tip.how': 'how',
    'tip.thread': 'thread',
    'tip.pid': 'child pid',
    'tip.status': 'exit status',
    'tip.backlog': 'backlog',
    'tip.rule': 'rule',
    'tip.text': 'text',
    'tip.click': 'Click to move the cursor here',
    'kind.accept': 'accept: a connection arrives',
    'kind.connect': 'connect',
    'kind.recv': 'recv {n} bytes',
    'kind.send': 'send {n} bytes',
    'kind.close': 'close socket',
    'kind.socket_shutdown': 'socket shutdown',
    'kind.thread_spawn': 'start a thread',
    'kind.thread_exit': 'thread ends',
    'kind.thread_join': 'join: waited for a thread',
    'kind.fork': 'fork a child process',
    'kind.child_exit': 'child exits (os._exit)',
    'kind.reap': 'reap a child (waitpid)',
    'kind.bind': 'bind',
    'kind.listen': 'listen',
    'kind.stderr': 'written to stderr',
    'kind.node_difference': 'where Node differs from CPython',
  },
  'zh-CN': {
    label: '按线程的时间线',
    help: '滚轮缩放，拖动平移，Shift+滚轮上下滚动各条线程。按键：← → 平移，↑ ↓ 滚动，+ − 缩放，0 显示整个跟踪，F 跟随新事件。点击某个调用或事件可把光标移到那里。',
    summary: '时间线：{lanes} 条线程（{roles}），{calls} 次调用，历时 {duration}。',
    summaryEmpty: '时间线：还没有事件。',
    roleCount: '{role}：{n}',
    listSep: '，',
    'role.main': '主线程',
    'role.loop': '服务循环',
    'role.worker': '工作线程',
    'role.child': '子进程',
    'role.client': '客户端',
    fit: '适应窗口',
    zoomIn: '放大',
    zoomOut: '缩小',
    follow: '跟随实时',
    lost: '丢失了 {n} 个事件',
    'tip.self': 'self 的类',
    'tip.duration': '耗时',
    'tip.running': '仍在运行（目前 {duration}）',
    'tip.lane': '线程',
    'tip.raised': '抛出',
    'tip.at': '时间',
    'tip.fd': 'fd',
    'tip.conn': '新连接 fd',
    'tip.client': '客户端地址',
    'tip.address': '地址',
    'tip.bytes': '字节数',
    'tip.data': '数据',
    'tip.peer': '对端',
    'tip.role': '套接字',
    'tip.how': '方向',
    'tip.thread': '线程',
    'tip.pid': '子进程 pid',
    'tip.status': '退出状态',
    'tip.backlog': 'backlog',
    'tip.rule': '规则',
    'tip.text': '内容',
    'tip.click': '点击把光标移到这里',
    'kind.accept': 'accept：新连接到达',
    'kind.connect': 'connect 连接',
    'kind.recv': 'recv 接收 {n} 字节',
    'kind.send': 'send 发送 {n} 字节',
    'kind.close': '关闭套接字',
    'kind.socket_shutdown': 'shutdown 套接字',
    'kind.thread_spawn': '启动线程',
    'kind.thread_exit': '线程结束',
    'kind.thread_join': 'join：等待线程结束',
    'kind.fork': 'fork 子进程',
    'kind.child_exit': '子进程退出 (os._exit)',
    'kind.reap': '回收子进程 (waitpid)',
    'kind.bind': 'bind 绑定',
    'kind.listen': 'listen 监听',
    'kind.stderr': '写入 stderr',
    'kind.node_difference': 'Node 与 CPython 的不同之处',
  },
};

/** The catalog's key type. */
export type TimelineKey = Key;
