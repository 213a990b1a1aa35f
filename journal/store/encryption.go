package store

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

// schemaKeyring holds an encrypted journal's data key, wrapped by a key
// derived from the passphrase. A journal is encrypted exactly when it has
// this row; the passphrase itself is stored nowhere.
const schemaKeyring = `
CREATE TABLE keyring (
	id      INTEGER PRIMARY KEY CHECK (id = 1),
	kdf     TEXT    NOT NULL CHECK (kdf = 'argon2id'),
	salt    BLOB    NOT NULL,
	time    INTEGER NOT NULL, -- Argon2id passes
	memory  INTEGER NOT NULL, -- KiB
	threads INTEGER NOT NULL,
	wrapped BLOB    NOT NULL  -- nonce, then the sealed data key
);
`

// sealedColumn is a table's free text, which encryption converts.
type sealedColumn struct {
	table, key string // key: the column whose value is the Field's RowID
	columns    []string
	named      bool // has a name_key, a keyed hash of name when encrypted
	content    bool // attachments: large bytes, and a content_key to match (see convertContent)
}

// sealedColumns is every free-text column in the journal. A test checks
// every TEXT column of the schema is here or deliberately left plain.
var sealedColumns = []sealedColumn{
	{table: "entries", key: "id", columns: []string{"title", "body"}},
	{table: "episodes", key: "id", columns: []string{"wish", "other_response", "self_response", "reminds"}},
	{table: "emotions", key: "id", columns: []string{"name", "description"}, named: true},
	{table: "patterns", key: "id", columns: []string{"name", "description"}, named: true},
	{table: "people", key: "id", columns: []string{"name", "aliases"}, named: true},
	{table: "hidden_words", key: "id", columns: []string{"name"}, named: true},
	{table: "goals", key: "id", columns: []string{"title", "description"}},
	{table: "checkins", key: "id", columns: []string{"note"}},
	{table: "sessions", key: "id", columns: []string{"takeaways"}},
	{table: "session_questions", key: "id", columns: []string{"text"}},
	{table: "drafts", key: "slot", columns: []string{"data"}},
	{table: "entry_attachments", key: "id", columns: []string{"name"}},
	{table: "attachments", key: "id", columns: []string{"sha256", "data"}, content: true},
}

// MinPassphrase is the shortest passphrase accepted, in characters.
const MinPassphrase = 8

func checkPassphrase(p string) error {
	if utf8.RuneCountInString(strings.TrimSpace(p)) < MinPassphrase {
		return journal.Errorf(journal.EInvalid, "A passphrase needs at least %d characters; a few unrelated words are easy to remember and hard to guess.", MinPassphrase)
	}
	return nil
}

// ForgottenWarning is said before encryption is turned on.
const ForgottenWarning = "If you forget this passphrase, your journal cannot be recovered: not by you, not by anyone. " +
	"It is stored nowhere. Write it down somewhere safe."

type keyringRow struct {
	Salt    []byte
	Time    uint32
	Memory  uint32
	Threads uint8
	Wrapped []byte
}

func (s *Store) keyring(tx *gorm.DB) (keyringRow, bool, error) {
	var rows []keyringRow
	err := tx.Raw("SELECT salt, time, memory, threads, wrapped FROM keyring WHERE id = 1").Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return keyringRow{}, false, err
	}
	return rows[0], true, nil
}

// Encrypted reports whether the journal is encrypted.
func (s *Store) Encrypted() bool { return s.encrypted }

// Locked reports whether the journal is encrypted and not unlocked.
func (s *Store) Locked() bool { return s.encrypted && s.keys == nil }

// nameKey is how name look-ups find name: the name itself, lower-cased,
// or a keyed hash of it when the journal is encrypted.
func (s *Store) nameKey(name string) string {
	if s.keys != nil {
		return s.keys.nameKey(name)
	}
	return journal.NameKey(name)
}

// openKeys opens the journal's data key with passphrase.
func (s *Store) openKeys(passphrase string) (*dataKeys, error) {
	k, _, err := s.keyring(s.db)
	if err != nil {
		return nil, internal("read the journal's key", err)
	}
	return unwrap(k, passphrase)
}

// unwrap derives the key from passphrase and opens the data key with it.
func unwrap(k keyringRow, passphrase string) (*dataKeys, error) {
	kek := deriveKEK(passphrase, k.Salt, kdfParams{Time: k.Time, Memory: k.Memory, Threads: k.Threads})
	data, err := unseal(kek, k.Wrapped, []byte(keyringAD))
	clear(kek)
	if err != nil {
		return nil, journal.Errorf(journal.EInvalid, "That passphrase doesn't open this journal. Check for caps lock and try again; nothing was changed.")
	}
	return newDataKeys(data), nil
}

func wrap(data []byte, passphrase string) keyringRow {
	k := keyringRow{Salt: randomBytes(saltSize), Time: defaultKDF.Time, Memory: defaultKDF.Memory, Threads: defaultKDF.Threads}
	kek := deriveKEK(passphrase, k.Salt, defaultKDF)
	k.Wrapped = seal(kek, data, []byte(keyringAD))
	clear(kek)
	return k
}

func writeKeyring(tx *gorm.DB, k keyringRow) error {
	return tx.Exec(`INSERT OR REPLACE INTO keyring (id, kdf, salt, time, memory, threads, wrapped) VALUES (1, 'argon2id', ?, ?, ?, ?, ?)`,
		k.Salt, k.Time, k.Memory, k.Threads, k.Wrapped).Error
}

// loadEncryption notes whether the journal is encrypted, and locks it if
// so: nothing is read or written until Unlock.
func (s *Store) loadEncryption() error {
	var tables int
	if err := s.db.Raw("SELECT count(*) FROM sqlite_master WHERE name = 'keyring'").Scan(&tables).Error; err != nil || tables == 0 {
		return err // a test's older schema: never encrypted
	}
	_, found, err := s.keyring(s.db)
	if err != nil {
		return openError(s.path, err)
	}
	s.encrypted = found
	if found {
		s.codec = lockedText{}
	}
	return nil
}

// Unlock opens an encrypted journal with its passphrase and builds the
// search index in memory. A wrong passphrase changes nothing.
func (s *Store) Unlock(passphrase string) error {
	if !s.encrypted {
		return nil
	}
	keys, err := s.openKeys(passphrase)
	if err != nil {
		return err
	}
	s.keys, s.codec = keys, sealedText{keys}
	if err := s.buildMemoryIndex(); err != nil {
		s.Lock()
		return internal("build the search index", err)
	}
	s.refreshPendingStarters()
	return nil
}

// Lock forgets the keys and the search index: an encrypted journal is
// then unreadable until unlocked again.
func (s *Store) Lock() {
	if !s.encrypted {
		return
	}
	if s.keys != nil {
		s.keys.wipe()
	}
	s.keys, s.codec = nil, lockedText{}
	s.db.Exec("DETACH DATABASE mem")
}

// buildMemoryIndex puts the search index of an encrypted journal in an
// in-memory database attached to the connection: decrypted text never
// reaches the disk. With no search_index in main, SQL naming it finds
// this one.
func (s *Store) buildMemoryIndex() error {
	s.db.Exec("DETACH DATABASE mem") // from an earlier unlock
	if err := s.db.Exec("ATTACH DATABASE ':memory:' AS mem").Error; err != nil {
		return err
	}
	return s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(searchIndexSQL("mem.", false)).Error; err != nil {
			return err
		}
		return s.indexOpened(tx)
	})
}

// EnableEncryption encrypts every free-text field with a new random key
// wrapped by passphrase, in one transaction, and moves the search index
// into memory. The journal stays unlocked.
func (s *Store) EnableEncryption(passphrase string) error {
	if s.encrypted {
		return journal.Errorf(journal.EInvalid, "The journal is already encrypted. To change the passphrase, use `throughline encryption passphrase`.")
	}
	if err := checkPassphrase(passphrase); err != nil {
		return err
	}
	keys := newDataKeys(randomBytes(keySize))
	k := wrap(keys.data, passphrase)
	err := s.db.Transaction(func(tx *gorm.DB) error {
		// First: the index reads the entries' text, which is about to be sealed.
		if err := tx.Exec("DROP TABLE " + searchTable).Error; err != nil {
			return err
		}
		if err := s.convert(tx, s.codec, sealedText{keys}, keys); err != nil {
			return err
		}
		return writeKeyring(tx, k)
	})
	if err != nil {
		keys.wipe()
		return internal("encrypt the journal", err)
	}
	s.encrypted, s.keys, s.codec = true, keys, sealedText{keys}
	s.scrub()
	if err := s.buildMemoryIndex(); err != nil {
		return internal("build the search index", err)
	}
	return nil
}

// DisableEncryption decrypts every field in one transaction and puts the
// search index back in the journal. It needs the passphrase again, so a
// journal left unlocked can't be decrypted by whoever walks by.
func (s *Store) DisableEncryption(passphrase string) error {
	if !s.encrypted {
		return journal.Errorf(journal.EInvalid, "The journal isn't encrypted.")
	}
	if syncNumber(s.db) > 0 {
		return journal.Errorf(journal.EInvalid, "This journal syncs through a folder, and sync needs encryption on so the folder never holds a readable word. Turn sync off first (File → Sync…, or `throughline sync --off`), then turn encryption off.")
	}
	keys, err := s.openKeys(passphrase)
	if err != nil {
		return err
	}
	defer keys.wipe()
	s.db.Exec("DETACH DATABASE mem")
	err = s.db.Transaction(func(tx *gorm.DB) error {
		if err := s.convert(tx, sealedText{keys}, PlainText{}, nil); err != nil {
			return err
		}
		if err := tx.Exec("DELETE FROM keyring").Error; err != nil {
			return err
		}
		if err := tx.Exec(searchIndexSQL("", true)).Error; err != nil {
			return err
		}
		return s.indexJournal(tx)
	})
	if err != nil {
		if s.keys != nil {
			s.buildMemoryIndex()
		}
		return internal("decrypt the journal", err)
	}
	if s.keys != nil {
		s.keys.wipe()
	}
	s.encrypted, s.keys, s.codec = false, nil, PlainText{}
	s.checkpoint()
	return nil
}

// ChangePassphrase wraps the same data key with a new passphrase: only
// the keyring row changes, however long the journal.
func (s *Store) ChangePassphrase(old, passphrase string) error {
	if !s.encrypted {
		return journal.Errorf(journal.EInvalid, "The journal isn't encrypted, so it has no passphrase to change. Turn encryption on instead.")
	}
	if err := checkPassphrase(passphrase); err != nil {
		return err
	}
	keys, err := s.openKeys(old)
	if err != nil {
		return err
	}
	defer keys.wipe()
	k := wrap(keys.data, passphrase)
	err = s.db.Transaction(func(tx *gorm.DB) error { return writeKeyring(tx, k) })
	if err != nil {
		return internal("change the passphrase", err)
	}
	if err := s.syncKeyringChanged(k); err != nil {
		return err
	}
	s.scrub()
	return nil
}

// convert rewrites every free-text field from one codec to another, and
// the name keys to match keys (nil for plain ones).
func (s *Store) convert(tx *gorm.DB, from, to FieldCodec, keys *dataKeys) error {
	for _, t := range sealedColumns {
		if t.content {
			if err := s.convertContent(tx, from, to, keys); err != nil {
				return err
			}
			continue
		}
		cols := strings.Join(t.columns, ", ")
		rows, err := tx.Raw(fmt.Sprintf("SELECT %s, %s FROM %s", t.key, cols, t.table)).Rows()
		if err != nil {
			return err
		}
		type row struct {
			id     int64
			values []string
		}
		var all []row
		for rows.Next() {
			r := row{values: make([]string, len(t.columns))}
			dest := []any{&r.id}
			for i := range r.values {
				dest = append(dest, &r.values[i])
			}
			if err := rows.Scan(dest...); err != nil {
				rows.Close()
				return err
			}
			all = append(all, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		set := make([]string, len(t.columns))
		for i, c := range t.columns {
			set[i] = c + " = ?"
		}
		if t.named {
			set = append(set, "name_key = ?")
		}
		update := fmt.Sprintf("UPDATE %s SET %s WHERE %s = ?", t.table, strings.Join(set, ", "), t.key)
		for _, r := range all {
			args := make([]any, 0, len(r.values)+2)
			var nameKey string
			for i, v := range r.values {
				f := Field{Table: t.table, Column: t.columns[i], RowID: r.id}
				plain, err := from.Open(f, v)
				if err != nil {
					return fmt.Errorf("%s %d, %s: %w", t.table, r.id, t.columns[i], err)
				}
				sealed, err := to.Seal(f, plain)
				if err != nil {
					return err
				}
				args = append(args, sealed)
				if t.named && t.columns[i] == "name" {
					nameKey = journal.NameKey(plain)
					if keys != nil {
						nameKey = keys.nameKey(plain)
					}
				}
			}
			if t.named {
				args = append(args, nameKey)
			}
			if err := tx.Exec(update, append(args, r.id)...).Error; err != nil {
				return err
			}
		}
	}
	return nil
}

// scrub moves what the write-ahead log holds into the journal and
// rewrites the file, so text from before a conversion, or a keyring from
// before a passphrase change, survives nowhere in it: secure_delete
// clears freed space, VACUUM the rest.
func (s *Store) scrub() {
	s.checkpoint()
	s.db.Exec("VACUUM")
	s.checkpoint()
}
