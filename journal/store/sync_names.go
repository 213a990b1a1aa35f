package store

import (
	"encoding/json"
	"fmt"
	"sort"

	"gorm.io/gorm"
)

// A name two computers both gave (or renamed to) before they met can be
// held by one row only. Which row keeps it, and what the other is called,
// must not depend on the order changes arrive in, nor on rows that came
// and went meanwhile: so the name a change gave a row is kept as its
// claim, and the names are worked out afresh from the claims after every
// round (settleNames). The lowest id keeps a claimed name; the others are
// "Name (2)", "Name (3)"... in order of id.

// notClaim picks the pending changes that are not claims.
const notClaim = "json_extract(change, '$.o') IS NOT 'claim'"

// nameClaim is a name a row was given but can't hold yet, as it travelled
// (sealed, with its key) and when it was given.
type nameClaim struct {
	Table string `json:"t"`
	ID    int64  `json:"id"`
	Op    string `json:"o"` // always "claim"
	Name  string `json:"n"`
	Key   string `json:"k"`
	HLC   uint64 `json:"h"`
	Dev   string `json:"d"`
}

func (c nameClaim) stamp() stamp { return stamp{c.HLC, c.Dev} }

// mergeNameClaim applies a change whose name another row holds: the row
// takes a stand-in key for now and its name is kept as a claim.
func mergeNameClaim(tx *gorm.DB, t syncedTable, c change, keyVals []any, id int64) (applyResult, error) {
	name, _ := c.Cols["name"].value().(string)
	key, _ := c.Cols["name_key"].value().(string)
	stand := standInKey(id)
	c.Cols = cloneCols(c.Cols)
	c.Cols["name_key"] = syncValue{S: &stand}
	r, err := mergeChange(tx, t, c, keyVals)
	if err != nil || r != applied {
		return r, err
	}
	var now []string
	if err := tx.Raw("SELECT name_key FROM "+t.name+" WHERE id = ?", id).Scan(&now).Error; err != nil {
		return dropped, err
	}
	if len(now) == 0 || now[0] != stand {
		return r, nil // a later name was there already
	}
	return r, saveClaim(tx, nameClaim{Table: t.name, ID: id, Op: "claim", Name: name, Key: key, HLC: c.HLC, Dev: c.Device})
}

func standInKey(id int64) string { return fmt.Sprintf("claim:%d", id) }

func saveClaim(tx *gorm.DB, c nameClaim) error {
	if err := dropClaim(tx, c.Table, c.ID); err != nil {
		return err
	}
	data, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return tx.Exec("INSERT INTO sync_pending (change) VALUES (?)", string(data)).Error
}

func dropClaim(tx *gorm.DB, table string, id int64) error {
	return tx.Exec("DELETE FROM sync_pending WHERE json_extract(change, '$.o') = 'claim' AND json_extract(change, '$.t') = ? AND json_extract(change, '$.id') = ?", table, id).Error
}

// nameClock is when a row's name was last given: its name_key column's
// clock, or the row's own.
func nameClock(tx *gorm.DB, table string, id int64) (stamp, error) {
	key := fmt.Sprintf("[%d]", id)
	for _, col := range []string{"name_key", "*"} {
		c, err := getClock(tx, table, key, col)
		if err != nil || c.found {
			return c.stamp, err
		}
	}
	return stamp{}, nil
}

type nameRow struct {
	ID            int64
	Name, NameKey string
}

// settleNames gives every row of the name tables its claimed name, or,
// where a lower id claims it too, the first free "Name (n)".
func (s *Store) settleNames(tx *gorm.DB) error {
	var raw []string
	if err := tx.Raw("SELECT change FROM sync_pending WHERE json_extract(change, '$.o') = 'claim'").Scan(&raw).Error; err != nil {
		return err
	}
	claims := map[string]map[int64]nameClaim{}
	for _, r := range raw {
		var c nameClaim
		if err := json.Unmarshal([]byte(r), &c); err != nil {
			return err
		}
		if claims[c.Table] == nil {
			claims[c.Table] = map[int64]nameClaim{}
		}
		claims[c.Table][c.ID] = c
	}
	for table := range nameTables {
		if err := s.settleTableNames(tx, table, claims[table]); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) settleTableNames(tx *gorm.DB, table string, claims map[int64]nameClaim) error {
	var rows []nameRow
	if err := tx.Raw("SELECT id, name, name_key FROM " + table + " ORDER BY id").Scan(&rows).Error; err != nil {
		return err
	}
	// Each row's claim: a kept one unless the row was named again since
	// (then what it holds now is its claim).
	claimed := make(map[int64]nameClaim, len(rows))
	byKey := map[string][]int64{}
	for _, r := range rows {
		c, ok := claims[r.ID]
		if ok {
			at, err := nameClock(tx, table, r.ID)
			if err != nil {
				return err
			}
			if at.after(c.stamp()) {
				ok = false
			}
		}
		if !ok {
			c = nameClaim{Table: table, ID: r.ID, Op: "claim", Name: r.Name, Key: r.NameKey} // stamped if kept
		}
		claimed[r.ID] = c
		byKey[c.Key] = append(byKey[c.Key], r.ID)
	}
	taken := map[string]bool{}
	for k := range byKey {
		taken[k] = true
	}
	keys := make([]string, 0, len(byKey))
	for k, ids := range byKey {
		if len(ids) > 1 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	type named struct{ name, key string }
	want := map[int64]named{}
	for _, r := range rows {
		c := claimed[r.ID]
		if byKey[c.Key][0] == r.ID {
			want[r.ID] = named{c.Name, c.Key}
		}
	}
	for _, k := range keys {
		for _, id := range byKey[k][1:] {
			c := claimed[id]
			seal := sealer{codec: s.codec, table: table, id: id}
			base := seal.open("name", c.Name)
			if seal.err != nil {
				return seal.err
			}
			for n := 2; ; n++ {
				name := fmt.Sprintf("%s (%d)", base, n)
				if key := s.nameKey(name); !taken[key] {
					taken[key] = true
					want[id] = named{seal.seal("name", name), key}
					break
				}
			}
			if seal.err != nil {
				return seal.err
			}
		}
	}
	// Move every row that changes aside first, so no two hold a key at once.
	var moving []nameRow
	for _, r := range rows {
		if w := want[r.ID]; w.key != r.NameKey {
			moving = append(moving, r)
			if err := tx.Exec("UPDATE "+table+" SET name_key = ? WHERE id = ?", standInKey(r.ID)+":moving", r.ID).Error; err != nil {
				return err
			}
		}
	}
	for _, r := range moving {
		w := want[r.ID]
		if err := tx.Exec("UPDATE "+table+" SET name = ?, name_key = ? WHERE id = ?", w.name, w.key, r.ID).Error; err != nil {
			return err
		}
	}
	for _, r := range rows {
		c := claimed[r.ID]
		var err error
		if want[r.ID].key == c.Key {
			err = dropClaim(tx, table, r.ID)
		} else if claims[r.ID] != c {
			if c.HLC == 0 {
				at, err := nameClock(tx, table, r.ID)
				if err != nil {
					return err
				}
				c.HLC, c.Dev = at.HLC, at.Device
			}
			err = saveClaim(tx, c)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
