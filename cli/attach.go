package cli

// attach, attachments and detach: the files an entry holds.

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// attachmentJSON is the stable JSON shape of an attachment for scripts.
type attachmentJSON struct {
	Name      string `json:"name"`
	Size      int64  `json:"size"`
	SHA256    string `json:"sha256"`
	Kind      string `json:"kind"`
	MediaType string `json:"media_type"`
}

func toAttachmentsJSON(list []journal.Attachment) []attachmentJSON {
	out := make([]attachmentJSON, len(list))
	for i, a := range list {
		out[i] = attachmentJSON{Name: a.Name, Size: a.Size, SHA256: a.SHA256, Kind: string(a.Kind), MediaType: a.MediaType}
	}
	return out
}

// entryAndRest parses a command's entry number and what follows it.
func entryAndRest(cmd, more string, rest []string) (int64, []string, error) {
	if len(rest) < 2 {
		return 0, nil, usagef("%s needs an entry number and %s, like `throughline %s 12 %s`. `throughline list` shows the numbers.", cmd, more, cmd, more)
	}
	id, err := strconv.ParseInt(rest[0], 10, 64)
	if err != nil || id < 1 {
		return 0, nil, usagef("%q is not an entry number. `throughline list` shows the numbers.", rest[0])
	}
	return id, rest[1:], nil
}

func runAttach(c *cli, args []string) error {
	rest, err := parse(c.flags("attach"), args)
	if err != nil {
		return err
	}
	id, paths, err := entryAndRest("attach", "FILE", rest)
	if err != nil {
		return err
	}
	// Every file is read before the journal is opened, so one that can't
	// be read leaves the others unattached too.
	files := make([]journal.AttachmentFile, len(paths))
	for i, p := range paths {
		if files[i], err = readAttachment(p); err != nil {
			return err
		}
	}
	return c.withJournal(false, func(store *jstore.Store) error {
		added, err := store.AddAttachments(id, files)
		if err != nil {
			return err
		}
		for _, a := range added {
			fmt.Fprintf(c.stdout, "Attached %s (%s) to entry %d.\n", a.Name, journal.ByteSize(a.Size), id)
		}
		return nil
	})
}

// readAttachment reads a file to attach, refusing one past the limit
// before reading it whole.
func readAttachment(path string) (journal.AttachmentFile, error) {
	name := filepath.Base(path)
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return journal.AttachmentFile{}, journal.Errorf(journal.EInvalid, "There is no file at %s. Check the path and try again; nothing was attached.", path)
	}
	if err != nil {
		return journal.AttachmentFile{}, journal.Errorf(journal.EInvalid, "Couldn't read %s (%v). Nothing was attached.", path, err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return journal.AttachmentFile{}, journal.Errorf(journal.EInvalid, "%s is a folder; attach the files in it one by one. Nothing was attached.", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, journal.MaxAttachmentSize+1))
	if err != nil {
		return journal.AttachmentFile{}, journal.Errorf(journal.EInvalid, "Couldn't read %s (%v). Nothing was attached.", path, err)
	}
	if len(data) > journal.MaxAttachmentSize {
		size := int64(len(data))
		if info, err := f.Stat(); err == nil {
			size = info.Size()
		}
		return journal.AttachmentFile{}, journal.CheckAttachmentSize(name, size)
	}
	return journal.AttachmentFile{Name: name, Data: data}, nil
}

func runAttachments(c *cli, args []string) error {
	fs := c.flags("attachments")
	asJSON := fs.Bool("json", false, "print JSON")
	return c.onEntry(fs, args, nil, func(store *jstore.Store, id int64) error {
		list, err := store.Attachments(id)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(c.stdout, toAttachmentsJSON(list))
		}
		if len(list) == 0 {
			fmt.Fprintf(c.stdout, "Entry %d holds no files. Add one with `throughline attach %d FILE`.\n", id, id)
			return nil
		}
		for _, a := range list {
			fmt.Fprintf(c.stdout, "%s\t%d bytes\t%s\n", a.Name, a.Size, a.SHA256)
		}
		return nil
	})
}

func runDetach(c *cli, args []string) error {
	rest, err := parse(c.flags("detach"), args)
	if err != nil {
		return err
	}
	id, names, err := entryAndRest("detach", "NAME", rest)
	if err != nil {
		return err
	}
	if len(names) != 1 {
		return usagef("detach takes one file name at a time; put a name with spaces in quotes, like `throughline detach %d \"my drawing.png\"`.", id)
	}
	return c.withJournal(false, func(store *jstore.Store) error {
		if err := store.DeleteAttachment(id, names[0]); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Detached %s from entry %d; it is gone from the journal.\n", names[0], id)
		return nil
	})
}
