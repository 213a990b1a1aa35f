package store

import (
	"strings"

	"github.com/throughline/throughline/journal"
)

// attachmentLinks reads what every entry holds, without the bytes.
func (r *snapshotReader) attachmentLinks() map[int64][]journal.Attachment {
	out := map[int64][]journal.Attachment{}
	var rows []attachmentLink
	r.scan(&rows, attachmentSelect+"ORDER BY l.entry_id, l.id")
	for _, row := range rows {
		if r.err != nil {
			break
		}
		a, err := r.s.openLink(row)
		r.err = err
		out[a.EntryID] = append(out[a.EntryID], a)
	}
	return out
}

// attachments reads the bytes of one entry's files, as the entry is
// handed on, so an export holds one entry's files at a time.
func (r *snapshotReader) attachments(list []journal.Attachment) []journal.SnapshotAttachment {
	if len(list) == 0 || r.err != nil {
		return nil
	}
	out := make([]journal.SnapshotAttachment, len(list))
	for i, a := range list {
		data, err := r.s.attachmentBytes(r.tx, a)
		if err != nil {
			r.err = err
			return nil
		}
		out[i] = journal.SnapshotAttachment{Name: a.Name, MediaType: a.MediaType, Size: a.Size, SHA256: a.SHA256, Data: data}
	}
	return out
}

// attachments checks an entry's files and adds their rows, storing bytes
// found in an earlier entry only once.
func (c *snapshotCheck) attachments(it snapshotItem, entryID int64, files []journal.SnapshotAttachment) {
	held := map[string]bool{}
	for _, f := range files {
		a, err := journal.NewAttachment(entryID, f.Name, f.Data)
		if err != nil {
			c.refuse(it, err)
			return
		}
		switch {
		case f.SHA256 != "" && f.SHA256 != a.SHA256:
			c.fail(it, "its file “%s” isn't the file it was: its bytes don't match their sha256 (the export may be damaged)", f.Name)
			return
		case held[strings.ToLower(f.Name)]:
			c.fail(it, "it holds two files named “%s”", f.Name)
			return
		}
		held[strings.ToLower(f.Name)] = true
		id, stored := c.files[a.SHA256]
		if !stored {
			id = int64(len(c.files) + 1)
			c.files[a.SHA256] = id
			sealed := c.seal("attachments", id, "sha256", a.SHA256, "data", string(f.Data))
			c.blobs.add(sealed[0], []byte(sealed[1].(string)), id, c.s.contentKey(a.SHA256), a.Size, string(a.Kind), a.MediaType)
		}
		c.links++
		c.fileLinks.add(append(c.seal("entry_attachments", c.links, "name", a.Name), c.links, entryID, id)...)
	}
}
