package store

import (
	"encoding/json"
	"fmt"
	"slices"

	"gorm.io/gorm"
)

// linkTable is a table linking an owner (entry, episode, check-in) to a
// pattern or emotion, which another computer may merge away meanwhile.
type linkTable struct {
	name, owner, ownerTable, target, targetTable string
}

var linkTables = []linkTable{
	{"entry_patterns", "entry_id", "entries", "pattern_id", "patterns"},
	{"episode_patterns", "episode_id", "episodes", "pattern_id", "patterns"},
	{"entry_emotions", "entry_id", "entries", "emotion_id", "emotions"},
	{"episode_emotions", "episode_id", "episodes", "emotion_id", "emotions"},
	{"mood_checkin_emotions", "checkin_id", "mood_checkins", "emotion_id", "emotions"},
}

func linkTableNamed(name string) (linkTable, bool) {
	for _, l := range linkTables {
		if l.name == name {
			return l, true
		}
	}
	return linkTable{}, false
}

// A link's row is not merged change by change: each link as it was made,
// (owner, target) before any alias, keeps only its own clock (a register:
// added or removed, last writer wins), and the table is then made from the
// registers through the aliases as they stand (linkRows). Registers and
// aliases end the same on every computer whatever the order of arrival, so
// the links do too; applying a link change to the aliased row directly
// made the result depend on whether the merge arrived before or after it.
func mergeLinkChange(tx *gorm.DB, c change) (applyResult, error) {
	ex, err := getClock(tx, c.Table, c.Key, "*")
	if err != nil {
		return dropped, err
	}
	switch c.Op {
	case "insert":
		if ex.found && !c.stamp().after(ex.stamp) {
			return dropped, nil
		}
		return applied, recordInsert(tx, c)
	case "delete":
		if ex.found && ex.after(c.stamp()) {
			return dropped, nil
		}
		return applied, recordDelete(tx, c)
	}
	return dropped, nil // a link has no columns but its key
}

type linkKey struct{ owner, target int64 }

func parseLinkKey(key string) (linkKey, error) {
	var k []int64
	if err := json.Unmarshal([]byte(key), &k); err != nil || len(k) != 2 {
		return linkKey{}, fmt.Errorf("link key %s: %v", key, err)
	}
	return linkKey{k[0], k[1]}, nil
}

func linkKeyJSON(k linkKey) string { return fmt.Sprintf("[%d,%d]", k.owner, k.target) }

// aliases reads where each merged-away row of table ends up.
type aliases map[int64]int64

func readAliases(tx *gorm.DB, table string) (aliases, error) {
	var rows []struct{ FromID, ToID int64 }
	if err := tx.Raw("SELECT from_id, to_id FROM sync_aliases WHERE tbl = ?", table).Scan(&rows).Error; err != nil {
		return nil, err
	}
	a := aliases{}
	for _, r := range rows {
		a[r.FromID] = r.ToID
	}
	return a, nil
}

// final follows merges of merges (made on different computers, so each
// alias names a row merged away in turn) to the row they end at. Merges
// that make a cycle (A into B on one computer, B into A on another) end
// at the cycle's lowest id on every computer (see cycleSurvivor).
func (a aliases) final(id int64) int64 {
	pos := map[int64]int{}
	var path []int64
	for {
		if i, ok := pos[id]; ok {
			return slices.Min(path[i:])
		}
		pos[id] = len(path)
		path = append(path, id)
		to, ok := a[id]
		if !ok {
			return id
		}
		id = to
	}
}

// cycleSurvivor reports whether id is the row a cycle of merges ends at:
// merged away itself, yet every merge leads back to it.
func (a aliases) cycleSurvivor(id int64) bool {
	_, merged := a[id]
	return merged && a.final(id) == id
}

// linkRows makes every link table what its registers say through the
// aliases: a link is there when any register naming it (itself, or a link
// to a row since merged into its target) was last added, and not
// otherwise. A link whose owner or target isn't here is left out until it
// comes.
func linkRows(tx *gorm.DB) (bool, error) {
	changed := false
	for _, l := range linkTables {
		a, err := readAliases(tx, l.targetTable)
		if err != nil {
			return false, err
		}
		var regs []struct {
			Key     string
			Deleted bool
		}
		if err := tx.Raw("SELECT key, deleted FROM sync_clock WHERE tbl = ? AND col = '*'", l.name).Scan(&regs).Error; err != nil {
			return false, err
		}
		want := map[linkKey]bool{}
		for _, r := range regs {
			k, err := parseLinkKey(r.Key)
			if err != nil {
				return false, err
			}
			m := linkKey{k.owner, a.final(k.target)}
			if !r.Deleted {
				want[m] = true
			}
		}
		var rows []linkKey
		rs, err := tx.Raw("SELECT " + l.owner + ", " + l.target + " FROM " + l.name).Rows()
		if err != nil {
			return false, err
		}
		for rs.Next() {
			var k linkKey
			if err := rs.Scan(&k.owner, &k.target); err != nil {
				rs.Close()
				return false, err
			}
			rows = append(rows, k)
		}
		rs.Close()
		have := map[linkKey]bool{}
		for _, k := range rows {
			m := linkKey{k.owner, a.final(k.target)}
			if m == k && want[m] {
				have[k] = true
				continue
			}
			if err := tx.Exec("DELETE FROM "+l.name+" WHERE "+l.owner+" = ? AND "+l.target+" = ?", k.owner, k.target).Error; err != nil {
				return false, err
			}
			changed = true
		}
		for m := range want {
			if have[m] {
				continue
			}
			res := tx.Exec("INSERT OR IGNORE INTO "+l.name+" ("+l.owner+", "+l.target+") SELECT ?, ? WHERE EXISTS (SELECT 1 FROM "+l.ownerTable+" WHERE id = ?) AND EXISTS (SELECT 1 FROM "+l.targetTable+" WHERE id = ?)",
				m.owner, m.target, m.owner, m.target)
			if res.Error != nil {
				return false, res.Error
			}
			changed = changed || res.RowsAffected > 0
		}
	}
	return changed, nil
}

// linkPreimages are the registers still adding link k through an alias: a
// person removing k removes them too, or the link would come back.
func linkPreimages(tx *gorm.DB, l linkTable, k linkKey) ([]string, error) {
	a, err := readAliases(tx, l.targetTable)
	if err != nil {
		return nil, err
	}
	var keys []string
	if err := tx.Raw("SELECT key FROM sync_clock WHERE tbl = ? AND col = '*' AND deleted = 0 AND key LIKE ?",
		l.name, fmt.Sprintf("[%d,%%", k.owner)).Scan(&keys).Error; err != nil {
		return nil, err
	}
	var out []string
	for _, key := range keys {
		p, err := parseLinkKey(key)
		if err != nil {
			return nil, err
		}
		if p.owner == k.owner && p.target != k.target && a.final(p.target) == k.target {
			out = append(out, linkKeyJSON(p))
		}
	}
	return out, nil
}

// registerLinks gives every link made before sync was on a register, added
// at the beginning of time: any removal since wins over it, and a link an
// alias once brought in is told from one the person made.
func registerLinks(tx *gorm.DB) error {
	for _, l := range linkTables {
		if err := tx.Exec("INSERT OR IGNORE INTO sync_clock (tbl, key, col, hlc, device, deleted) SELECT ?, json_array("+l.owner+", "+l.target+"), '*', 0, '', 0 FROM "+l.name, l.name).Error; err != nil {
			return err
		}
	}
	return nil
}
