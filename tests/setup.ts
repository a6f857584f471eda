// IndexedDB for the background's log store in Node; fake-indexeddb resets per test file.
import 'fake-indexeddb/auto';
