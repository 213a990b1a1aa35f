// Package syncfolder keeps the files of a synced journal in a folder that a
// file-sync service (Syncthing, Nextcloud, Dropbox, a USB stick) moves
// between computers. It knows nothing of tables: it moves sealed byte
// payloads, so the folder never holds a readable word.
//
// Layout:
//
//	DIR/throughline-sync.json               plain header: format, journal id, wrapped key, key check
//	DIR/devices/<device>/NNNNNNNNNNNN.seg   one device's append-only change segments
//	DIR/devices/<device>/state              that device's sealed state (name, cursors, last seen)
//	DIR/snapshots/<device>-NNNNNNNNNNNN.snap sealed snapshots a new device starts from
//
// Each device writes only its own files, and every file is written whole
// under a temporary name and renamed into place, so the sync service never
// sees two computers writing one file.
package syncfolder
