package store

import (
	"strconv"
	"strings"
)

// rowsPerInsert is how many rows one multi-row INSERT writes: enough that
// parsing the statement costs little per row, and few enough for the
// driver, which matches each parameter to its value by a search through
// all of them.
const rowsPerInsert = 32

// entryInsertColumns are the columns a new entry row is written with.
var entryInsertColumns = []string{"id", "written_at", "written_offset", "written_zone", "created_at", "updated_at", "kind", "title", "body", "mood", "flagged", "source", "source_id"}

// entryInsert fails rather than aborts on a broken constraint: the
// statement's own rows need no undoing when the whole transaction is
// undone anyway, so SQLite keeps no journal of them.
var entryInsert = "INSERT OR FAIL INTO entries (" + strings.Join(entryInsertColumns, ", ") + ")"

// insertRows runs insert ("INSERT INTO t (a, b)") with args, width
// values a row, rowsPerInsert rows at a time.
func (b *batch) insertRows(insert string, width int, args []any) error {
	perInsert := rowsPerInsert * width
	for start := 0; start < len(args); start += perInsert {
		chunk := args[start:min(start+perInsert, len(args))]
		if err := b.exec(valuesSQL(insert, width, len(chunk)/width), chunk...); err != nil {
			return err
		}
	}
	return nil
}

// valuesSQL is insert followed by rows placeholders of width values.
func valuesSQL(insert string, width, rows int) string {
	one := "(" + strings.Repeat("?, ", width-1) + "?)"
	var q strings.Builder
	q.Grow(len(insert) + 8 + rows*(len(one)+2))
	q.WriteString(insert)
	q.WriteString(" VALUES ")
	for i := range rows {
		if i > 0 {
			q.WriteString(", ")
		}
		q.WriteString(one)
	}
	return q.String()
}

// pairsPerInsert is how many pairs of ids insertPairs writes a statement.
const pairsPerInsert = 10_000

// insertPairs runs insert ("INSERT INTO t (a, b)") with pairs of ids,
// passed as one JSON list a statement.
func (b *batch) insertPairs(insert string, pairs [][2]int64) error {
	var list []byte
	for start := 0; start < len(pairs); start += pairsPerInsert {
		list = append(list[:0], '[')
		for i, p := range pairs[start:min(start+pairsPerInsert, len(pairs))] {
			if i > 0 {
				list = append(list, ',')
			}
			list = append(list, '[')
			list = strconv.AppendInt(list, p[0], 10)
			list = append(list, ',')
			list = strconv.AppendInt(list, p[1], 10)
			list = append(list, ']')
		}
		list = append(list, ']')
		if err := b.exec(insert+" SELECT value->>0, value->>1 FROM json_each(?)", string(list)); err != nil {
			return err
		}
	}
	return nil
}
