package catalog

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/schematype"
)

const testKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHJexwVBWx5XOHxkU3BNEZk8kKxuMgLzyYBpcwq7i2F6 alice@lab"

func p[T any](v T) *T { return &v }

func TestValidateDeclaration(t *testing.T) {
	t.Parallel()
	metal := &ent.Product{ID: 1, Sku: "4D.small", Parameters: []schematype.ParameterSpec{
		{Name: "image", Type: schematype.ParamEnum, Values: []string{"ubuntu-24.04", "debian-12"}},
		{Name: "root_password", Type: schematype.ParamSecret},
	}}
	tests := []struct {
		name  string
		specs []*schematype.ParameterSpec
		comps []*ent.Product
		err   string // "" for valid
	}{
		{name: "every type", specs: []*schematype.ParameterSpec{
			{Name: "image", Type: schematype.ParamEnum, Values: []string{"a", "b"}, Default: p("a")},
			{Name: "ssh_key", Type: schematype.ParamSSHPublicKey, Required: true},
			{Name: "size_gb", Type: schematype.ParamInteger, Min: p(10), Max: p(100), Default: p("20")},
			{Name: "wipe", Type: schematype.ParamBoolean, Default: p("true")},
			{Name: "domain", Type: schematype.ParamString, MaxLength: p(20), Pattern: p(`[a-z.]+`)},
			{Name: "password", Type: schematype.ParamSecret},
		}},
		{name: "bad name", specs: []*schematype.ParameterSpec{{Name: "Image", Type: schematype.ParamString}}, err: "parameters[0].name: must be a lower-case identifier"},
		{name: "twice", specs: []*schematype.ParameterSpec{{Name: "a", Type: schematype.ParamString}, {Name: "a", Type: schematype.ParamString}}, err: `parameters[1].name: "a" declared twice`},
		{name: "bad type", specs: []*schematype.ParameterSpec{{Name: "a", Type: "FLOAT"}}, err: `parameters[0].type: "FLOAT" is not a parameter type`},
		{name: "enum without values", specs: []*schematype.ParameterSpec{{Name: "a", Type: schematype.ParamEnum}}, err: "parameters[0].values: an ENUM lists its allowed values"},
		{name: "values on a string", specs: []*schematype.ParameterSpec{{Name: "a", Type: schematype.ParamString, Values: []string{"x"}}}, err: "only an ENUM has values"},
		{name: "range on a string", specs: []*schematype.ParameterSpec{{Name: "a", Type: schematype.ParamString, Min: p(1)}}, err: "only an INTEGER has min and max"},
		{name: "min over max", specs: []*schematype.ParameterSpec{{Name: "a", Type: schematype.ParamInteger, Min: p(5), Max: p(1)}}, err: "min (5) exceeds max (1)"},
		{name: "bad pattern", specs: []*schematype.ParameterSpec{{Name: "a", Type: schematype.ParamString, Pattern: p("(")}}, err: "parameters[0].pattern: not a regular expression"},
		{name: "required with default", specs: []*schematype.ParameterSpec{{Name: "a", Type: schematype.ParamString, Required: true, Default: p("x")}}, err: "a required parameter has no default"},
		{name: "default breaks the rule", specs: []*schematype.ParameterSpec{{Name: "a", Type: schematype.ParamInteger, Max: p(3), Default: p("9")}}, err: "parameters[0].default: must be within 3 or less, got 9"},
		{name: "secret default", specs: []*schematype.ParameterSpec{{Name: "a", Type: schematype.ParamSecret, Default: p("x")}}, err: "a SECRET has no default"},
		{name: "fixed on a plain product", specs: []*schematype.ParameterSpec{{Name: "a", Type: schematype.ParamString, Fixed: true, Default: p("x")}}, err: "only a bundle fixes"},
		{name: "bundle default", comps: []*ent.Product{metal}, specs: []*schematype.ParameterSpec{{Name: "4D.small.image", Type: schematype.ParamEnum, Default: p("debian-12"), Fixed: true}}},
		{name: "bundle plain name", comps: []*ent.Product{metal}, specs: []*schematype.ParameterSpec{{Name: "image", Type: schematype.ParamEnum}}, err: "a bundle declares its components' parameters as SKU.name"},
		{name: "bundle unknown", comps: []*ent.Product{metal}, specs: []*schematype.ParameterSpec{{Name: "4D.small.os", Type: schematype.ParamEnum}}, err: `4D.small declares no parameter "os"`},
		{name: "bundle wrong type", comps: []*ent.Product{metal}, specs: []*schematype.ParameterSpec{{Name: "4D.small.image", Type: schematype.ParamString}}, err: "4D.small's image is ENUM, not STRING"},
		{name: "bundle bad default", comps: []*ent.Product{metal}, specs: []*schematype.ParameterSpec{{Name: "4D.small.image", Type: schematype.ParamEnum, Default: p("arch")}}, err: "must be one of ubuntu-24.04, debian-12"},
		{name: "bundle own rules", comps: []*ent.Product{metal}, specs: []*schematype.ParameterSpec{{Name: "4D.small.image", Type: schematype.ParamEnum, Values: []string{"x"}}}, err: "its rules are the component's"},
		{name: "bundle secret default", comps: []*ent.Product{metal}, specs: []*schematype.ParameterSpec{{Name: "4D.small.root_password", Type: schematype.ParamSecret, Default: p("x")}}, err: "a SECRET has no default"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := validateDeclaration(tt.specs, tt.comps)
			if tt.err == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, apperr.InvalidArgument)
			require.ErrorContains(t, err, tt.err)
		})
	}
}

func TestCheckValue(t *testing.T) {
	t.Parallel()
	tests := []struct {
		spec schematype.ParameterSpec
		in   string
		want string
		err  string
	}{
		{spec: schematype.ParameterSpec{Type: schematype.ParamInteger, Min: p(100), Max: p(1000)}, in: " 250", want: "250"},
		{spec: schematype.ParameterSpec{Type: schematype.ParamInteger, Min: p(100), Max: p(1000)}, in: "5", err: "must be within 100..1000, got 5"},
		{spec: schematype.ParameterSpec{Type: schematype.ParamInteger}, in: "2.5", err: "must be a whole number"},
		{spec: schematype.ParameterSpec{Type: schematype.ParamBoolean}, in: "Yes", want: "true"},
		{spec: schematype.ParameterSpec{Type: schematype.ParamBoolean}, in: "maybe", err: "must be true or false"},
		{spec: schematype.ParameterSpec{Type: schematype.ParamEnum, Values: []string{"a", "b"}}, in: "c", err: `must be one of a, b, got "c"`},
		{spec: schematype.ParameterSpec{Type: schematype.ParamString, Pattern: p(`[a-z]+\.example`)}, in: "x.example.com", err: "must match the pattern"},
		{spec: schematype.ParameterSpec{Type: schematype.ParamString, MaxLength: p(3)}, in: "abcd", err: "at most 3 characters, got 4"},
		{spec: schematype.ParameterSpec{Type: schematype.ParamString}, in: "a\x00b", err: "without NUL bytes"},
		{spec: schematype.ParameterSpec{Type: schematype.ParamSSHPublicKey}, in: "  " + testKey + "\n", want: testKey},
		{spec: schematype.ParameterSpec{Type: schematype.ParamSSHPublicKey}, in: "ssh-ed25519 notbase64", err: "must be one SSH public key"},
		{spec: schematype.ParameterSpec{Type: schematype.ParamSSHPublicKey}, in: "-----BEGIN OPENSSH PRIVATE KEY-----", err: "must be one SSH public key"},
		{spec: schematype.ParameterSpec{Type: schematype.ParamSSHPublicKey}, in: testKey + "\n" + testKey, err: "got more than one"},
		{spec: schematype.ParameterSpec{Type: schematype.ParamSecret}, in: "", err: "must not be empty"},
		{spec: schematype.ParameterSpec{Type: schematype.ParamSecret}, in: "hunter2", want: "hunter2"},
	}
	for _, tt := range tests {
		got, err := CheckValue(tt.spec, tt.in)
		if tt.err != "" {
			require.ErrorContains(t, err, tt.err, "%s %q", tt.spec.Type, tt.in)
			continue
		}
		require.NoError(t, err, "%s %q", tt.spec.Type, tt.in)
		require.Equal(t, tt.want, got)
	}
}

func TestResolveParameters(t *testing.T) {
	t.Parallel()
	metal := &ent.Product{ID: 1, Sku: "4D.small", Parameters: []schematype.ParameterSpec{
		{Name: "image", Type: schematype.ParamEnum, Values: []string{"ubuntu-24.04", "debian-12"}, Default: p("ubuntu-24.04")},
		{Name: "ssh_key", Type: schematype.ParamSSHPublicKey, Required: true},
	}}
	juju := &ent.Product{ID: 2, Sku: "4E.small", Parameters: []schematype.ParameterSpec{
		{Name: "image", Type: schematype.ParamEnum, Values: []string{"ubuntu-22.04"}, Default: p("ubuntu-22.04")},
	}}
	key := &schematype.ParameterValue{Name: "ssh_key", Value: testKey}

	got, err := ResolveParameters("parameters", metal, []*schematype.ParameterValue{key})
	require.NoError(t, err)
	require.Equal(t, []schematype.ParameterValue{{Name: "image", Value: "ubuntu-24.04", Type: schematype.ParamEnum},
		{Name: "ssh_key", Value: testKey, Type: schematype.ParamSSHPublicKey}}, got, "the default is applied")

	_, err = ResolveParameters("parameters", metal, nil)
	require.ErrorContains(t, err, "parameters: ssh_key: required by 4D.small (an SSH public key)")
	_, err = ResolveParameters("lines[1].parameters", metal, []*schematype.ParameterValue{key, {Name: "color", Value: "x"}})
	require.ErrorContains(t, err, "lines[1].parameters: color: unknown parameter; 4D.small takes image, ssh_key")
	_, err = ResolveParameters("parameters", metal, []*schematype.ParameterValue{key, key})
	require.ErrorContains(t, err, "ssh_key given twice")

	bundle := &ent.Product{ID: 3, Sku: "4E.lab3", ComponentsBagID: p(1), Parameters: []schematype.ParameterSpec{
		{Name: "4D.small.image", Type: schematype.ParamEnum, Default: p("debian-12")},
		{Name: "4E.small.image", Type: schematype.ParamEnum, Default: p("ubuntu-22.04"), Fixed: true},
	}}
	comps := []*ent.Product{metal, juju}
	line, per, err := ResolveBundleParameters("parameters", bundle, comps, []*schematype.ParameterValue{key})
	require.NoError(t, err)
	require.Equal(t, []schematype.ParameterValue{{Name: "4D.small.image", Value: "debian-12", Type: schematype.ParamEnum},
		{Name: "4D.small.ssh_key", Value: testKey, Type: schematype.ParamSSHPublicKey},
		{Name: "4E.small.image", Value: "ubuntu-22.04", Type: schematype.ParamEnum}}, line, "a plain name goes to each component that declares it; the bundle's defaults apply")
	require.Len(t, per, 2)
	require.Equal(t, "debian-12", per[0].Values[0].Value)

	line, _, err = ResolveBundleParameters("parameters", bundle, comps, []*schematype.ParameterValue{key, {Name: "4D.small.image", Value: "ubuntu-24.04"}})
	require.NoError(t, err)
	require.Equal(t, "ubuntu-24.04", line[0].Value, "SKU.name sets one component's parameter over the bundle's default")

	_, _, err = ResolveBundleParameters("parameters", bundle, comps, []*schematype.ParameterValue{key, {Name: "4E.small.image", Value: "debian-12"}})
	require.ErrorContains(t, err, `parameters: 4E.small.image: fixed to "ubuntu-22.04" by the bundle 4E.lab3`)
	_, _, err = ResolveBundleParameters("parameters", bundle, comps, []*schematype.ParameterValue{key, {Name: "image", Value: "debian-12"}})
	require.ErrorContains(t, err, "fixed", "a plain name reaches the fixed component too")
	_, _, err = ResolveBundleParameters("parameters", bundle, comps, []*schematype.ParameterValue{key, {Name: "colour", Value: "x"}})
	require.ErrorContains(t, err, "colour: unknown parameter; no component of 4E.lab3 declares it")
	_, _, err = ResolveBundleParameters("parameters", bundle, comps, nil)
	require.ErrorContains(t, err, "parameters: 4D.small.ssh_key: required by 4D.small")
}
