package store

// Field names one free-text value in the journal: which table, which
// column, which row. An encrypting codec binds ciphertext to it so a value
// can't be moved to another row or column unnoticed.
type Field struct {
	Table  string
	Column string
	RowID  int64
}

// FieldCodec is the one seam every free-text field passes through on its
// way to and from the database, so encryption can be added in one place.
type FieldCodec interface {
	Seal(f Field, plain string) (string, error)
	Open(f Field, stored string) (string, error)
}

// PlainText stores text as it is.
type PlainText struct{}

func (PlainText) Seal(_ Field, plain string) (string, error)  { return plain, nil }
func (PlainText) Open(_ Field, stored string) (string, error) { return stored, nil }

// sealer seals several fields of one row, keeping the first error, so
// callers can seal a whole row and check once.
type sealer struct {
	codec FieldCodec
	table string
	id    int64
	err   error
}

func (s *sealer) seal(column, plain string) string {
	if s.err != nil {
		return ""
	}
	out, err := s.codec.Seal(Field{Table: s.table, Column: column, RowID: s.id}, plain)
	if err != nil {
		s.err = internal("protect the "+column+" text", err)
	}
	return out
}

func (s *sealer) open(column, stored string) string {
	if s.err != nil {
		return ""
	}
	out, err := s.codec.Open(Field{Table: s.table, Column: column, RowID: s.id}, stored)
	if err != nil {
		s.err = internal("read the "+column+" text", err)
	}
	return out
}
