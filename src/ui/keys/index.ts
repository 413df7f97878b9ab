export { parseKey, parseKeys, type Keypress, type KeyName } from './parse-key.js';
export { useKeypress, type KeypressOptions } from './use-keypress.js';
