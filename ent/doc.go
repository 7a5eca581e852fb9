// Package ent is the generated data access of Hardcandy; the model lives in ./schema.
package ent

