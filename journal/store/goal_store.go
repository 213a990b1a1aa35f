package store

import (
	"database/sql"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

type goalRow struct {
	ID          int64
	ParentID    sql.NullInt64
	Title       string
	Description string
	Priority    int
	Status      string
	CreatedAt   int64
	DoneAt      sql.NullInt64
}

func (s *Store) openGoal(r goalRow) (journal.Goal, error) {
	seal := sealer{codec: s.codec, table: "goals", id: r.ID}
	g := journal.Goal{ID: r.ID, ParentID: r.ParentID.Int64, Title: seal.open("title", r.Title), Description: seal.open("description", r.Description),
		Priority: r.Priority, Status: journal.GoalStatus(r.Status), CreatedAt: time.UnixMilli(r.CreatedAt)}
	if r.DoneAt.Valid {
		g.DoneAt = time.UnixMilli(r.DoneAt.Int64)
	}
	return g, seal.err
}

// Goals lists every goal, top-level ones by priority, each followed by
// its sub-goals by priority.
func (s *Store) Goals() ([]journal.Goal, error) {
	var rows []goalRow
	if err := s.db.Raw("SELECT * FROM goals ORDER BY priority, id").Scan(&rows).Error; err != nil {
		return nil, internal("read the goals", err)
	}
	byParent := map[int64][]journal.Goal{}
	for _, r := range rows {
		g, err := s.openGoal(r)
		if err != nil {
			return nil, err
		}
		byParent[g.ParentID] = append(byParent[g.ParentID], g)
	}
	var out []journal.Goal
	for _, g := range byParent[0] {
		out = append(out, g)
		out = append(out, byParent[g.ID]...)
	}
	return out, nil
}

// Goal returns one goal.
func (s *Store) Goal(id int64) (journal.Goal, error) {
	var rows []goalRow
	if err := s.db.Raw("SELECT * FROM goals WHERE id = ?", id).Scan(&rows).Error; err != nil {
		return journal.Goal{}, internal("read the goal", err)
	}
	if len(rows) == 0 {
		return journal.Goal{}, journal.Errorf(journal.ENotFound, "There is no goal %d. `throughline goal list` shows them.", id)
	}
	return s.openGoal(rows[0])
}

// AddGoal adds a goal after its siblings.
func (s *Store) AddGoal(g journal.Goal) (journal.Goal, error) {
	added, err := s.AddGoals([]journal.Goal{g})
	if err != nil {
		return journal.Goal{}, err
	}
	return added[0], nil
}

// AddGoals adds goals in one transaction, each after its siblings. A
// goal whose ParentID is negative is a sub-goal of the goal that many
// places before it in goals, so a goal and its sub-goals can be added
// together before either has an id.
func (s *Store) AddGoals(goals []journal.Goal) ([]journal.Goal, error) {
	for i := range goals {
		if err := goals[i].Validate(); err != nil {
			return nil, err
		}
	}
	out := make([]journal.Goal, len(goals))
	err := s.db.Transaction(func(tx *gorm.DB) error {
		for i, g := range goals {
			if g.ParentID < 0 {
				if i+int(g.ParentID) < 0 {
					return journal.Errorf(journal.EInvalid, "Goal %d of %d is under a goal that isn't in the list. Nothing was added.", i+1, len(goals))
				}
				g.ParentID = out[i+int(g.ParentID)].ID
			}
			if g.ParentID != 0 {
				parent, err := s.goalIn(tx, g.ParentID)
				if err != nil {
					return err
				}
				// One level: a goal and the steps towards it.
				if parent.ParentID.Valid {
					return journal.Errorf(journal.EInvalid, "“%s” is already a sub-goal; put the new goal under a main goal instead.", s.titleOf(parent))
				}
			}
			id, err := nextID(tx, "goals")
			if err != nil {
				return err
			}
			var priority int
			if err := tx.Raw("SELECT COALESCE(MAX(priority) + 1, 0) FROM goals WHERE COALESCE(parent_id, 0) = ?", g.ParentID).Scan(&priority).Error; err != nil {
				return err
			}
			g.ID, g.Priority, g.CreatedAt = id, priority, s.now()
			seal := sealer{codec: s.codec, table: "goals", id: id}
			title, desc := seal.seal("title", g.Title), seal.seal("description", g.Description)
			if seal.err != nil {
				return seal.err
			}
			if err := tx.Exec("INSERT INTO goals (id, parent_id, title, description, priority, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
				id, nullID(g.ParentID), title, desc, priority, g.Status, g.CreatedAt.UnixMilli()).Error; err != nil {
				return err
			}
			out[i] = g
		}
		return nil
	})
	return out, internal("add the goals", err)
}

// titleOf opens a stored goal's title for a message.
func (s *Store) titleOf(r goalRow) string {
	g, err := s.openGoal(r)
	if err != nil {
		return fmt.Sprintf("goal %d", r.ID)
	}
	return g.Title
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func (s *Store) goalIn(tx *gorm.DB, id int64) (goalRow, error) {
	var rows []goalRow
	if err := tx.Raw("SELECT * FROM goals WHERE id = ?", id).Scan(&rows).Error; err != nil {
		return goalRow{}, err
	}
	if len(rows) == 0 {
		return goalRow{}, journal.Errorf(journal.ENotFound, "There is no goal %d. `throughline goal list` shows them.", id)
	}
	return rows[0], nil
}

// UpdateGoal changes a goal's title, description and status. Completing
// or archiving it keeps its check-ins and notes when it happened.
func (s *Store) UpdateGoal(g journal.Goal) (journal.Goal, error) {
	if err := g.Validate(); err != nil {
		return journal.Goal{}, err
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		old, err := s.goalIn(tx, g.ID)
		if err != nil {
			return err
		}
		done := old.DoneAt
		if g.Status == journal.GoalActive {
			done = sql.NullInt64{}
		} else if string(g.Status) != old.Status {
			done = sql.NullInt64{Int64: s.now().UnixMilli(), Valid: true}
		}
		seal := sealer{codec: s.codec, table: "goals", id: g.ID}
		title, desc := seal.seal("title", g.Title), seal.seal("description", g.Description)
		if seal.err != nil {
			return seal.err
		}
		return tx.Exec("UPDATE goals SET title = ?, description = ?, status = ?, done_at = ? WHERE id = ?",
			title, desc, g.Status, done, g.ID).Error
	})
	if err != nil {
		return journal.Goal{}, internal("change the goal", err)
	}
	return s.Goal(g.ID)
}

// MoveGoal puts a goal at position (0 first) among its siblings and
// renumbers them, in one transaction.
func (s *Store) MoveGoal(id int64, position int) error {
	err := s.db.Transaction(func(tx *gorm.DB) error {
		g, err := s.goalIn(tx, id)
		if err != nil {
			return err
		}
		var siblings []int64
		if err := tx.Raw("SELECT id FROM goals WHERE COALESCE(parent_id, 0) = ? AND id != ? ORDER BY priority, id",
			g.ParentID.Int64, id).Scan(&siblings).Error; err != nil {
			return err
		}
		position = max(0, min(position, len(siblings)))
		order := append(append(append([]int64{}, siblings[:position]...), id), siblings[position:]...)
		for i, sid := range order {
			if err := tx.Exec("UPDATE goals SET priority = ? WHERE id = ?", i, sid).Error; err != nil {
				return err
			}
		}
		return nil
	})
	return internal("reorder the goals", err)
}

// AddCheckIn records how a goal is going.
func (s *Store) AddCheckIn(c journal.CheckIn) (journal.CheckIn, error) {
	if err := c.Validate(); err != nil {
		return journal.CheckIn{}, err
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if _, err := s.goalIn(tx, c.GoalID); err != nil {
			return err
		}
		id, err := nextID(tx, "checkins")
		if err != nil {
			return err
		}
		c.ID = id
		seal := sealer{codec: s.codec, table: "checkins", id: id}
		note := seal.seal("note", c.Note)
		if seal.err != nil {
			return seal.err
		}
		_, offset := c.At.Zone()
		return tx.Exec("INSERT INTO checkins (id, goal_id, at, at_offset, rating, note) VALUES (?, ?, ?, ?, ?, ?)",
			id, c.GoalID, c.At.Unix(), offset, c.Rating, note).Error
	})
	return c, internal("save the check-in", err)
}

// CheckIns lists a goal's check-ins, oldest first.
func (s *Store) CheckIns(goalID int64) ([]journal.CheckIn, error) {
	var rows []struct {
		ID, GoalID, At int64
		AtOffset       int
		Rating         int
		Note           string
	}
	if err := s.db.Raw("SELECT id, goal_id, at, at_offset, rating, note FROM checkins WHERE goal_id = ? ORDER BY at, id", goalID).Scan(&rows).Error; err != nil {
		return nil, internal("read the check-ins", err)
	}
	out := make([]journal.CheckIn, len(rows))
	for i, r := range rows {
		seal := sealer{codec: s.codec, table: "checkins", id: r.ID}
		out[i] = journal.CheckIn{ID: r.ID, GoalID: r.GoalID, At: time.Unix(r.At, 0).In(time.FixedZone("", r.AtOffset)), Rating: r.Rating, Note: seal.open("note", r.Note)}
		if seal.err != nil {
			return nil, seal.err
		}
	}
	return out, nil
}

// GoalEvidence lists the entries linked to a goal, newest first.
func (s *Store) GoalEvidence(goalID int64) ([]journal.Entry, error) {
	var rows []entryRow
	if err := s.db.Raw("SELECT e.* FROM entries e JOIN entry_goals g ON g.entry_id = e.id WHERE g.goal_id = ? ORDER BY e.written_at DESC, e.id DESC", goalID).Scan(&rows).Error; err != nil {
		return nil, internal("read the goal's entries", err)
	}
	return s.complete(rows)
}
