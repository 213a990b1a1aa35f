package store

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

// schemaAttachments keeps the files entries hold inside the journal, so
// one file stays one journal. Each distinct file is stored once, found by
// its content key, however many entries hold it; the links name it per
// entry. The bytes come last in the row, so listing an entry's files
// never reads them.
const schemaAttachments = `
CREATE TABLE attachments (
	id          INTEGER PRIMARY KEY,
	content_key TEXT    NOT NULL UNIQUE, -- sha256 of the bytes in hex, or a keyed hash of it when encrypted
	sha256      TEXT    NOT NULL,        -- through the field codec
	size        INTEGER NOT NULL,
	kind        TEXT    NOT NULL CHECK (kind IN ('image', 'audio', 'pdf')),
	media_type  TEXT    NOT NULL,
	data        BLOB    NOT NULL         -- through the field codec
);
CREATE TABLE entry_attachments (
	id            INTEGER PRIMARY KEY,
	entry_id      INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
	attachment_id INTEGER NOT NULL REFERENCES attachments (id),
	name          TEXT    NOT NULL       -- through the field codec
);
CREATE INDEX entry_attachments_by_entry ON entry_attachments (entry_id, id);
CREATE INDEX entry_attachments_by_attachment ON entry_attachments (attachment_id);
`

// contentKey is how a file's bytes are found again: their hash, or when
// the journal is encrypted a keyed hash of it, so the file can't be
// recognised by hashing a copy of it.
func (s *Store) contentKey(sum string) string {
	if s.keys != nil {
		return s.keys.contentKey(sum)
	}
	return sum
}

func (k *dataKeys) contentKey(sum string) string {
	mac := hmac.New(sha256.New, k.names)
	mac.Write([]byte("attachment\x00" + sum))
	return "k1:" + hex.EncodeToString(mac.Sum(nil)[:16])
}

// attachmentLink is one file an entry holds, as stored.
type attachmentLink struct {
	LinkID       int64
	EntryID      int64
	AttachmentID int64
	Name         string
	Size         int64
	SHA256       string
	Kind         string
	MediaType    string
}

const attachmentSelect = `SELECT l.id AS link_id, l.entry_id, l.attachment_id, l.name, a.size, a.sha256, a.kind, a.media_type
FROM entry_attachments l JOIN attachments a ON a.id = l.attachment_id `

func (s *Store) openLink(r attachmentLink) (journal.Attachment, error) {
	names := sealer{codec: s.codec, table: "entry_attachments", id: r.LinkID}
	files := sealer{codec: s.codec, table: "attachments", id: r.AttachmentID}
	a := journal.Attachment{
		ID: r.AttachmentID, EntryID: r.EntryID, Name: names.open("name", r.Name), Size: r.Size,
		SHA256: files.open("sha256", r.SHA256), Kind: journal.AttachmentKind(r.Kind), MediaType: r.MediaType,
	}
	if names.err != nil {
		return journal.Attachment{}, names.err
	}
	return a, files.err
}

// AddAttachment adds a file to an entry under name. Adding the same file
// under the same name again changes nothing.
func (s *Store) AddAttachment(entryID int64, name string, data []byte) (journal.Attachment, error) {
	added, err := s.AddAttachments(entryID, []journal.AttachmentFile{{Name: name, Data: data}})
	if err != nil {
		return journal.Attachment{}, err
	}
	return added[0], nil
}

// AddAttachments adds files to an entry in one transaction: every one of
// them, or, when any is refused, none.
func (s *Store) AddAttachments(entryID int64, files []journal.AttachmentFile) ([]journal.Attachment, error) {
	checked := make([]journal.Attachment, len(files))
	for i, f := range files {
		a, err := journal.NewAttachment(entryID, f.Name, f.Data)
		if err != nil {
			return nil, err
		}
		for _, earlier := range checked[:i] {
			if strings.EqualFold(earlier.Name, a.Name) && earlier.SHA256 != a.SHA256 {
				return nil, journal.Errorf(journal.EInvalid, "Two different files are both named %q. Rename one and try again; nothing was saved.", a.Name)
			}
		}
		checked[i] = a
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		held, err := s.entryAttachments(tx, entryID)
		if err != nil {
			return err
		}
		for i := range checked {
			if checked[i], err = s.addAttachment(tx, checked[i], files[i].Data, &held); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, internal("add the attachment", err)
	}
	return checked, nil
}

// addAttachment stores a, checked, unless the entry already holds it.
// held is what the entry holds so far.
func (s *Store) addAttachment(tx *gorm.DB, a journal.Attachment, data []byte, held *[]journal.Attachment) (journal.Attachment, error) {
	for _, h := range *held {
		if !strings.EqualFold(h.Name, a.Name) {
			continue
		}
		if h.SHA256 == a.SHA256 {
			return h, nil
		}
		return journal.Attachment{}, journal.Errorf(journal.EInvalid,
			"Entry %d already holds a different file named %q. Rename the new file, or detach the old one first (`throughline detach %d %q`); nothing was saved.",
			a.EntryID, h.Name, a.EntryID, h.Name)
	}
	key := s.contentKey(a.SHA256)
	var found []int64
	if err := tx.Raw("SELECT id FROM attachments WHERE content_key = ?", key).Scan(&found).Error; err != nil {
		return journal.Attachment{}, err
	}
	if len(found) > 0 {
		a.ID = found[0]
	} else {
		id, err := reserveIDs(tx, "attachments", 1)
		if err != nil {
			return journal.Attachment{}, err
		}
		seal := sealer{codec: s.codec, table: "attachments", id: id}
		sum, sealed := seal.seal("sha256", a.SHA256), seal.seal("data", string(data))
		if seal.err != nil {
			return journal.Attachment{}, seal.err
		}
		err = tx.Exec("INSERT INTO attachments (id, content_key, sha256, size, kind, media_type, data) VALUES (?, ?, ?, ?, ?, ?, ?)",
			id, key, sum, a.Size, string(a.Kind), a.MediaType, []byte(sealed)).Error
		if err != nil {
			return journal.Attachment{}, err
		}
		a.ID = id
	}
	link, err := reserveIDs(tx, "entry_attachments", 1)
	if err != nil {
		return journal.Attachment{}, err
	}
	seal := sealer{codec: s.codec, table: "entry_attachments", id: link}
	name := seal.seal("name", a.Name)
	if seal.err != nil {
		return journal.Attachment{}, seal.err
	}
	if err := tx.Exec("INSERT INTO entry_attachments (id, entry_id, attachment_id, name) VALUES (?, ?, ?, ?)", link, a.EntryID, a.ID, name).Error; err != nil {
		return journal.Attachment{}, err
	}
	*held = append(*held, a)
	return a, nil
}

// Attachments lists the files an entry holds, in the order they were
// added.
func (s *Store) Attachments(entryID int64) ([]journal.Attachment, error) {
	list, err := s.entryAttachments(s.db, entryID)
	return list, internal("read the entry's attachments", err)
}

// entryAttachments is Attachments within tx, and says when there is no
// such entry.
func (s *Store) entryAttachments(tx *gorm.DB, entryID int64) ([]journal.Attachment, error) {
	var n int64
	if err := tx.Raw("SELECT count(*) FROM entries WHERE id = ?", entryID).Scan(&n).Error; err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, notFound(entryID)
	}
	var rows []attachmentLink
	if err := tx.Raw(attachmentSelect+"WHERE l.entry_id = ? ORDER BY l.id", entryID).Scan(&rows).Error; err != nil {
		return nil, err
	}
	list := make([]journal.Attachment, len(rows))
	for i, r := range rows {
		a, err := s.openLink(r)
		if err != nil {
			return nil, err
		}
		list[i] = a
	}
	return list, nil
}

// AttachmentsOf lists the files each of the entries ids holds, by entry,
// for exports and reports that read many entries at once.
func (s *Store) AttachmentsOf(ids []int64) (map[int64][]journal.Attachment, error) {
	out := map[int64][]journal.Attachment{}
	for start := 0; start < len(ids); start += linkChunk {
		var rows []attachmentLink
		if err := s.db.Raw(attachmentSelect+"WHERE l.entry_id IN ? ORDER BY l.entry_id, l.id", ids[start:min(start+linkChunk, len(ids))]).Scan(&rows).Error; err != nil {
			return nil, internal("read the entries' attachments", err)
		}
		for _, r := range rows {
			a, err := s.openLink(r)
			if err != nil {
				return nil, err
			}
			out[a.EntryID] = append(out[a.EntryID], a)
		}
	}
	return out, nil
}

// attachmentNamed finds the file an entry holds under name, ignoring case
// as the names are unique ignoring case.
func (s *Store) attachmentNamed(tx *gorm.DB, entryID int64, name string) (journal.Attachment, int64, error) {
	var rows []attachmentLink
	if err := tx.Raw(attachmentSelect+"WHERE l.entry_id = ? ORDER BY l.id", entryID).Scan(&rows).Error; err != nil {
		return journal.Attachment{}, 0, err
	}
	for _, r := range rows {
		a, err := s.openLink(r)
		if err != nil {
			return journal.Attachment{}, 0, err
		}
		if strings.EqualFold(a.Name, name) {
			return a, r.LinkID, nil
		}
	}
	if _, err := s.entryAttachments(tx, entryID); err != nil {
		return journal.Attachment{}, 0, err // no such entry
	}
	return journal.Attachment{}, 0, journal.Errorf(journal.ENotFound,
		"Entry %d holds no file named %q. `throughline attachments %d` lists the files it holds.", entryID, name, entryID)
}

// AttachmentData reads the bytes of the file an entry holds under name,
// checking they are the bytes that were added.
func (s *Store) AttachmentData(entryID int64, name string) ([]byte, error) {
	a, _, err := s.attachmentNamed(s.db, entryID, name)
	if err != nil {
		return nil, internal("read the attachment", err)
	}
	return s.attachmentBytes(s.db, a)
}

func (s *Store) attachmentBytes(tx *gorm.DB, a journal.Attachment) ([]byte, error) {
	var stored []byte
	if err := tx.Raw("SELECT data FROM attachments WHERE id = ?", a.ID).Row().Scan(&stored); err != nil {
		return nil, internal("read the attachment", err)
	}
	seal := sealer{codec: s.codec, table: "attachments", id: a.ID}
	data := []byte(seal.open("data", string(stored)))
	if seal.err != nil {
		return nil, seal.err
	}
	if journal.SHA256Hex(data) != a.SHA256 {
		return nil, journal.Errorf(journal.EDamaged, "The stored copy of %s is damaged: its bytes are not the ones that were added. Restore a backup to get it back.", a.Name)
	}
	return data, nil
}

// DeleteAttachment removes the file an entry holds under name. Its bytes
// go for good once no entry holds them.
func (s *Store) DeleteAttachment(entryID int64, name string) error {
	err := s.db.Transaction(func(tx *gorm.DB) error {
		a, link, err := s.attachmentNamed(tx, entryID, name)
		if err != nil {
			return err
		}
		if err := tx.Exec("DELETE FROM entry_attachments WHERE id = ?", link).Error; err != nil {
			return err
		}
		return dropUnheld(tx, []int64{a.ID})
	})
	if err != nil {
		return internal("detach the file", err)
	}
	s.checkpoint() // the bytes leave the log too
	return nil
}

// heldBy lists the stored files an entry holds, before it goes.
func heldBy(tx *gorm.DB, entryID int64) ([]int64, error) {
	var ids []int64
	err := tx.Raw("SELECT attachment_id FROM entry_attachments WHERE entry_id = ?", entryID).Scan(&ids).Error
	return ids, err
}

// dropUnheld deletes those of the stored files ids that no entry holds
// any longer. secure_delete overwrites their pages.
func dropUnheld(tx *gorm.DB, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	return tx.Exec("DELETE FROM attachments WHERE id IN ? AND NOT EXISTS (SELECT 1 FROM entry_attachments l WHERE l.attachment_id = attachments.id)", ids).Error
}

// attachImported attaches the files imported entries brought, within the
// import's transaction, so a file that can't be kept stops the import.
func (s *Store) attachImported(tx *gorm.DB, entries []journal.Entry) error {
	for _, e := range entries {
		var held []journal.Attachment
		for _, f := range e.Files {
			a, err := journal.NewAttachment(e.ID, f.Name, f.Data)
			if err != nil {
				return err
			}
			if _, err := s.addAttachment(tx, a, f.Data, &held); err != nil {
				return err
			}
		}
	}
	return nil
}
