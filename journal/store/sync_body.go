package store

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"gorm.io/gorm"
)

// An entry's body keeps a history of versions, one per change that wrote
// it, each naming the versions it replaced (its bases). The heads are the
// versions nobody has replaced: one head is the usual case; several mean
// computers changed the text without seeing each other's change. The body
// shows the newest head, as last-writer-wins would; every other head's text
// waits in sync_conflicts until the person chooses. Versions only ever grow,
// so every computer finds the same heads whatever order changes arrive in.

// bodyVersion is a row of sync_body_versions.
type bodyVersion struct {
	EntryID int64  `json:"e"`
	HLC     uint64 `json:"h"`
	Device  string `json:"d"`
	Bases   string `json:"b"` // JSON array of versionIDs
}

func (v bodyVersion) stamp() stamp { return stamp{v.HLC, v.Device} }

// versionID names a version inside another's bases.
func versionID(at stamp) string { return strconv.FormatUint(at.HLC, 10) + "/" + at.Device }

func entryVersions(tx *gorm.DB, entryID int64) ([]bodyVersion, error) {
	var vs []bodyVersion
	err := tx.Raw("SELECT entry_id, hlc, device, bases FROM sync_body_versions WHERE entry_id = ?", entryID).Scan(&vs).Error
	return vs, err
}

// bodyHeads are the versions no other names as a base, newest first.
func bodyHeads(vs []bodyVersion) ([]bodyVersion, error) {
	replaced := map[string]bool{}
	for _, v := range vs {
		var bases []string
		if err := json.Unmarshal([]byte(v.Bases), &bases); err != nil {
			return nil, err
		}
		for _, b := range bases {
			replaced[b] = true
		}
	}
	var heads []bodyVersion
	for _, v := range vs {
		if !replaced[versionID(v.stamp())] {
			heads = append(heads, v)
		}
	}
	slices.SortFunc(heads, func(a, b bodyVersion) int {
		if a.stamp().after(b.stamp()) {
			return -1
		}
		return 1
	})
	return heads, nil
}

// conflictIDs are the versions of an entry whose texts wait for a choice.
func conflictIDs(tx *gorm.DB, entryID int64) (map[string]bool, error) {
	var rows []struct {
		HLC    uint64
		Device string
	}
	if err := tx.Raw("SELECT hlc, device FROM sync_conflicts WHERE entry_id = ?", entryID).Scan(&rows).Error; err != nil {
		return nil, err
	}
	ids := make(map[string]bool, len(rows))
	for _, r := range rows {
		ids[versionID(stamp(r))] = true
	}
	return ids, nil
}

// bodyChange is the entry and text of a change that writes an entry's
// body; ok is false for any other change.
func bodyChange(c change, keyVals []any) (entryID int64, text any, ok bool) {
	body, carries := c.Cols["body"]
	if c.Table != "entries" || c.Op == "delete" || !carries || len(keyVals) != 1 {
		return 0, nil, false
	}
	entryID, ok = keyVals[0].(int64)
	return entryID, body.value(), ok
}

// noteLocalBody records an edit made here as a new version and returns its
// bases: the text it replaced, the head on show. The other heads stay in
// conflict, unless the person resolved it (ResolveBodyConflict takes them
// out of sync_conflicts), when the edit replaces them all.
func noteLocalBody(tx *gorm.DB, c change, keyVals []any) ([]string, error) {
	entryID, text, ok := bodyChange(c, keyVals)
	if !ok {
		return nil, nil
	}
	vs, err := entryVersions(tx, entryID)
	if err != nil {
		return nil, err
	}
	heads, err := bodyHeads(vs)
	if err != nil {
		return nil, err
	}
	waiting, err := conflictIDs(tx, entryID)
	if err != nil {
		return nil, err
	}
	bases := []string{}
	for _, h := range heads {
		if id := versionID(h.stamp()); !waiting[id] {
			bases = append(bases, id)
		}
	}
	return bases, addBodyVersion(tx, entryID, c.stamp(), bases, text, nil)
}

// mergeFunc applies a change to its row (mergeChange, or the store's
// mergeUnique, which settles names and files two computers both made).
type mergeFunc func(tx *gorm.DB, t syncedTable, c change, keyVals []any) (applyResult, error)

// mergeWithBody merges a received change with merge, and when it wrote an
// entry's body records its version, whether or not its text won.
func mergeWithBody(tx *gorm.DB, t syncedTable, c change, keyVals []any, merge mergeFunc) (applyResult, error) {
	entryID, text, ok := bodyChange(c, keyVals)
	if !ok {
		return merge(tx, t, c, keyVals)
	}
	var before []string // the text on show before, should it stop being the newest
	if err := tx.Raw("SELECT body FROM entries WHERE id = ?", entryID).Scan(&before).Error; err != nil {
		return dropped, err
	}
	r, err := merge(tx, t, c, keyVals)
	if err != nil || r != applied {
		return r, err
	}
	var shown any
	if len(before) == 1 {
		shown = before[0]
	}
	bases := c.Base
	if bases == nil {
		bases = []string{}
	}
	return r, addBodyVersion(tx, entryID, c.stamp(), bases, text, shown)
}

// addBodyVersion adds a version (text: its stored text) and keeps in
// sync_conflicts the text of every head but the newest. shown is the body
// as it was before the change (nil when not known): the text of the head
// that was newest until now.
func addBodyVersion(tx *gorm.DB, entryID int64, at stamp, bases []string, text, shown any) error {
	vs, err := entryVersions(tx, entryID)
	if err != nil {
		return err
	}
	if slices.ContainsFunc(vs, func(v bodyVersion) bool { return v.stamp() == at }) {
		return nil // already here, from a snapshot or an earlier round
	}
	var wasShown string
	if heads, err := bodyHeads(vs); err != nil {
		return err
	} else if len(heads) > 0 {
		wasShown = versionID(heads[0].stamp())
	}
	basesJSON, err := json.Marshal(bases)
	if err != nil {
		return err
	}
	v := bodyVersion{EntryID: entryID, HLC: at.HLC, Device: at.Device, Bases: string(basesJSON)}
	if err := tx.Exec("INSERT INTO sync_body_versions (entry_id, hlc, device, bases) VALUES (?, ?, ?, ?)", v.EntryID, v.HLC, v.Device, v.Bases).Error; err != nil {
		return err
	}
	heads, err := bodyHeads(append(vs, v))
	if err != nil {
		return err
	}
	waiting, err := conflictIDs(tx, entryID)
	if err != nil {
		return err
	}
	keep := map[string]bool{}
	for _, h := range heads[1:] {
		id := versionID(h.stamp())
		keep[id] = true
		if waiting[id] {
			continue
		}
		var stored any
		switch {
		case h.stamp() == at:
			stored = text
		case id == wasShown && shown != nil:
			stored = shown
		default:
			continue // no text known here; never so while captures precede applying
		}
		if err := tx.Exec("INSERT INTO sync_conflicts (entry_id, hlc, device, body) VALUES (?, ?, ?, ?)", entryID, h.HLC, h.Device, stored).Error; err != nil {
			return err
		}
	}
	for id := range waiting {
		if !keep[id] {
			hlc, device := splitVersionID(id)
			if err := tx.Exec("DELETE FROM sync_conflicts WHERE entry_id = ? AND hlc = ? AND device = ?", entryID, hlc, device).Error; err != nil {
				return err
			}
		}
	}
	return nil
}

func splitVersionID(id string) (uint64, string) {
	h, device, _ := strings.Cut(id, "/")
	hlc, _ := strconv.ParseUint(h, 10, 64)
	return hlc, device
}

// syncBodies is what a snapshot carries of the bodies' versions, so a
// computer joining from it sees the same conflicts.
type syncBodies struct {
	Versions  []bodyVersion  `json:"versions,omitempty"`
	Conflicts []bodyConflict `json:"conflicts,omitempty"`
}

// bodyConflict is a row of sync_conflicts: Body sealed as entries.body is.
type bodyConflict struct {
	EntryID int64  `json:"e"`
	HLC     uint64 `json:"h"`
	Device  string `json:"d"`
	Body    string `json:"t"`
}

func takeSyncBodies(tx *gorm.DB) (syncBodies, error) {
	var b syncBodies
	if err := tx.Raw("SELECT entry_id, hlc, device, bases FROM sync_body_versions ORDER BY entry_id, hlc, device").Scan(&b.Versions).Error; err != nil {
		return b, err
	}
	err := tx.Raw("SELECT entry_id, hlc, device, body FROM sync_conflicts ORDER BY entry_id, hlc, device").Scan(&b.Conflicts).Error
	return b, err
}

func loadSyncBodies(tx *gorm.DB, b syncBodies) error {
	for _, stmt := range []string{"DELETE FROM sync_body_versions", "DELETE FROM sync_conflicts"} {
		if err := tx.Exec(stmt).Error; err != nil {
			return err
		}
	}
	for _, v := range b.Versions {
		if err := tx.Exec("INSERT INTO sync_body_versions (entry_id, hlc, device, bases) VALUES (?, ?, ?, ?)", v.EntryID, v.HLC, v.Device, v.Bases).Error; err != nil {
			return err
		}
	}
	for _, c := range b.Conflicts {
		if err := tx.Exec("INSERT INTO sync_conflicts (entry_id, hlc, device, body) VALUES (?, ?, ?, ?)", c.EntryID, c.HLC, c.Device, c.Body).Error; err != nil {
			return err
		}
	}
	return nil
}

// schemaBodyVersionsFollowEntries ends an entry's conflict when the entry
// goes, here or by a sync: a trigger rather than foreign keys, as step 21's
// tables are kept as released.
const schemaBodyVersionsFollowEntries = `
CREATE TRIGGER entries_body_versions_delete AFTER DELETE ON entries BEGIN
	DELETE FROM sync_conflicts WHERE entry_id = OLD.id;
	DELETE FROM sync_body_versions WHERE entry_id = OLD.id;
END;
`
