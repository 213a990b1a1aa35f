package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// syncValue is one stored column value as it is in the table (sealed text
// stays sealed), tagged with its type so it comes back the same.
type syncValue struct {
	I *int64   `json:"i,omitempty"`
	F *float64 `json:"f,omitempty"`
	S *string  `json:"s,omitempty"`
	B *[]byte  `json:"b,omitempty"`
}

func toSyncValue(v any) syncValue {
	switch x := v.(type) {
	case int64:
		return syncValue{I: &x}
	case float64:
		return syncValue{F: &x}
	case string:
		return syncValue{S: &x}
	case []byte:
		b := bytes.Clone(x)
		return syncValue{B: &b}
	case bool:
		i := int64(0)
		if x {
			i = 1
		}
		return syncValue{I: &i}
	}
	return syncValue{}
}

func (v syncValue) value() any {
	switch {
	case v.I != nil:
		return *v.I
	case v.F != nil:
		return *v.F
	case v.S != nil:
		return *v.S
	case v.B != nil:
		return *v.B
	}
	return nil
}

// change is one row's insert, update or delete, as it travels.
type change struct {
	HLC    uint64               `json:"h"`
	Device string               `json:"d"`
	Table  string               `json:"t"`
	Key    string               `json:"k"` // canonical JSON array of the key's values
	Op     string               `json:"o"`
	Cols   map[string]syncValue `json:"c,omitempty"`
	Base   []string             `json:"b,omitempty"` // an entry body's versions it replaced (see sync_body.go)
}

func (c change) stamp() stamp { return stamp{c.HLC, c.Device} }

// canonicalKey re-writes a JSON key array the one way Go writes it, so keys
// made by SQLite's json_array and by Go compare equal.
func canonicalKey(key string) (string, []any, error) {
	dec := json.NewDecoder(strings.NewReader(key))
	dec.UseNumber()
	var raw []any
	if err := dec.Decode(&raw); err != nil {
		return "", nil, err
	}
	vals := make([]any, len(raw))
	for i, r := range raw {
		switch x := r.(type) {
		case json.Number:
			n, err := x.Int64()
			if err != nil {
				return "", nil, fmt.Errorf("key %s: %w", key, err)
			}
			vals[i] = n
		default:
			vals[i] = x
		}
	}
	out, err := json.Marshal(vals)
	return string(out), vals, err
}

func keyWhere(t syncedTable) string {
	parts := make([]string, len(t.key))
	for i, k := range t.key {
		parts[i] = k + " = ?"
	}
	return strings.Join(parts, " AND ")
}

// readRow reads a row's columns as stored; found is false when it is gone.
func readRow(tx *gorm.DB, t syncedTable, keyVals []any, cols []string) (map[string]syncValue, bool, error) {
	rows, err := tx.Raw("SELECT "+strings.Join(cols, ", ")+" FROM "+t.name+" WHERE "+keyWhere(t), keyVals...).Rows()
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	if !rows.Next() {
		return nil, false, rows.Err()
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := rows.Scan(ptrs...); err != nil {
		return nil, false, err
	}
	out := make(map[string]syncValue, len(cols))
	for i, c := range cols {
		out[c] = toSyncValue(vals[i])
	}
	return out, true, rows.Err()
}

// insertSQL writes an INSERT of cols. The space after VALUES' parenthesis
// matters: GORM spreads a slice bound right after "(" into a list (for
// IN (?)), so a BLOB that came first was sent as one value a byte.
func insertSQL(table string, cols, marks []string) string {
	return "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ( " + strings.Join(marks, ", ") + ")"
}
