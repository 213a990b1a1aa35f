package cli

import (
	"fmt"
	"os"
	"time"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// syncDeviceJSON is the stable JSON shape of one computer in
// `sync --status --json`.
type syncDeviceJSON struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	LastSeen string `json:"last_seen,omitempty"` // RFC 3339; none when it hasn't synced yet
	You      bool   `json:"you"`
}

type syncStatusJSON struct {
	On       bool             `json:"on"`
	Folder   string           `json:"folder,omitempty"`
	Device   string           `json:"device,omitempty"`
	LastSync string           `json:"last_sync,omitempty"`
	Devices  []syncDeviceJSON `json:"devices"`
}

// runSync turns sync on through a folder, joins a journal synced there,
// syncs once, or says how sync stands.
func runSync(c *cli, args []string) error {
	flags := c.flags("sync")
	folder := flags.String("folder", "", "the folder a file-sync service (Syncthing, Nextcloud, Dropbox…) moves between your computers")
	name := flags.String("name", "", "what to call this computer in the folder; its host name when not given")
	status := flags.Bool("status", false, "list the computers syncing and when each was last seen")
	asJSON := flags.Bool("json", false, "with --status, print JSON")
	off := flags.Bool("off", false, "stop syncing this journal (it keeps everything; the folder and your other computers carry on)")
	if _, err := positionals(flags, args, 0, ""); err != nil {
		return err
	}
	if *asJSON && !*status {
		return usagef("--json goes with --status: `throughline sync --status --json`.")
	}
	if *status && *folder != "" {
		return usagef("sync takes --folder or --status, not both.")
	}
	if *off {
		if *status || *folder != "" || *name != "" {
			return usagef("sync --off takes nothing else: `throughline sync --off`.")
		}
		return c.withJournal(false, func(s *jstore.Store) error {
			if err := s.DisableSync(); err != nil {
				return err
			}
			fmt.Fprintln(c.stdout, "Sync is off. This journal keeps everything, and your other computers carry on through the folder without it; to sync it again, choose a new, empty folder.")
			return nil
		})
	}
	if *status {
		return c.withJournal(false, func(s *jstore.Store) error { return printSyncStatus(c, s, *asJSON) })
	}
	if *folder == "" {
		return c.withJournal(false, func(s *jstore.Store) error { return syncOnce(c, s) })
	}
	device := *name
	if device == "" {
		device = hostName()
	}
	path, err := c.journalPath()
	if err != nil {
		return err
	}
	_, err = os.Stat(path)
	exists := err == nil
	join := !exists
	if exists {
		if join, err = joinsInstead(path, *folder); err != nil {
			return err
		}
	}
	if join {
		return joinSync(c, path, exists, *folder, device)
	}
	return c.withJournal(false, func(s *jstore.Store) error {
		if err := s.EnableSync(*folder, device); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Sync is on through %s. Turn sync on for that folder in Syncthing (or your sync service) on each computer, then join it there with `throughline sync --folder DIR`.\n", *folder)
		return syncOnce(c, s)
	})
}

// joinsInstead reports whether --folder names a journal synced from
// another computer, which the journal at path would join rather than
// start syncing itself; it says why not when the journal can't give way.
// That is checked before joining, which leaves this computer's mark in
// the folder.
func joinsInstead(path, folder string) (bool, error) {
	s, err := jstore.Open(path)
	if err != nil {
		return false, nil // the command's own open says what is wrong
	}
	defer s.Close()
	if !s.SyncFolderHoldsAnotherJournal(folder) {
		return false, nil
	}
	return true, s.MayGiveWayToJoin()
}

// joinSync makes the journal at path from the one synced in folder. A
// journal already at path, made but never written in, gives way to it:
// the joined one is built beside it, then takes its place.
func joinSync(c *cli, path string, exists bool, folder, device string) error {
	p, err := askPassphrase(envPassphrase, "Passphrase of the synced journal: ")
	if err != nil {
		return err
	}
	building := path
	if exists {
		building = jstore.JoiningPath(path)
		jstore.RemoveJournalFiles(building) // left by a join that was cut off
	}
	s, err := jstore.JoinSync(building, folder, p, device, upgradeLines(c.stderr))
	if err != nil {
		return err
	}
	n, err := s.CountEntries()
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err == nil && exists {
		err = jstore.ReplaceEmptyJournal(path, building)
	}
	if err != nil {
		if exists {
			jstore.RemoveJournalFiles(building)
		}
		return err
	}
	fmt.Fprintf(c.stdout, "Joined the journal synced through %s: %s here now, at %s.\n", folder, count(int(n), "entry", "entries"), path)
	return nil
}

func syncOnce(c *cli, s *jstore.Store) error {
	r, err := s.Sync()
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Synced: %s sent, %s received.\n", count(r.Sent, "change", "changes"), count(r.Received, "change", "changes"))
	for _, p := range r.Problems {
		fmt.Fprintln(c.stderr, "throughline:", p)
	}
	if len(r.Problems) > 0 {
		return journal.Errorf(journal.EDamaged, "Some changes were refused (above); nothing from them was applied.")
	}
	return nil
}

func printSyncStatus(c *cli, s *jstore.Store, asJSON bool) error {
	st, err := s.SyncStatus()
	if err != nil {
		return err
	}
	if asJSON {
		out := syncStatusJSON{On: st.Folder != "", Folder: st.Folder, Device: st.DeviceName, Devices: []syncDeviceJSON{}}
		if !st.LastSync.IsZero() {
			out.LastSync = st.LastSync.Format(time.RFC3339)
		}
		for _, d := range st.Devices {
			j := syncDeviceJSON{ID: d.ID, Name: d.Name, You: d.You}
			if !d.LastSeen.IsZero() {
				j.LastSeen = d.LastSeen.Format(time.RFC3339)
			}
			out.Devices = append(out.Devices, j)
		}
		return writeJSON(c.stdout, out)
	}
	if st.Folder == "" {
		fmt.Fprintln(c.stdout, "Sync is off. `throughline sync --folder DIR` syncs the journal through a folder your sync service moves between computers.")
		return nil
	}
	fmt.Fprintf(c.stdout, "Syncing through %s as %q; last synced %s.\n", st.Folder, st.DeviceName, whenSeen(st.LastSync))
	for _, d := range st.Devices {
		you := ""
		if d.You {
			you = " (this computer)"
		}
		fmt.Fprintf(c.stdout, "  %-24s last seen %s\n", d.Name+you, whenSeen(d.LastSeen))
	}
	return nil
}

func whenSeen(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.Local().Format("Mon 2 Jan 2006, 15:04")
}

// hostName names this computer in the folder unless --name does.
func hostName() string {
	if h, err := os.Hostname(); err == nil && h != "" {
		return h
	}
	return "this computer"
}
