// Package store keeps a journal in one SQLite file through GORM: opening
// and migrating it, reading and writing journal's types (every free-text
// field sealed through one FieldCodec), the search index, encryption,
// backups, restore and integrity checks. The front ends hand a *Store to
// the packages below them, which each declare the few methods they use.
package store
