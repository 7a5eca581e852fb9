import{a as e,o as t,p as n,t as r}from"./jsx-runtime-CXqrrld7.js";import{A as i,C as a,E as o,T as s,b as c,k as l}from"./index-D6nKLD1m.js";var u=(function(){var e={defaultValue:null,kind:`LocalArgument`,name:`editing`},t={defaultValue:null,kind:`LocalArgument`,name:`sku`},n={alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},r={alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null},i={alias:null,args:null,kind:`ScalarField`,name:`role`,storageKey:null},a={alias:null,args:null,kind:`ScalarField`,name:`code`,storageKey:null},o={alias:null,args:null,kind:`ScalarField`,name:`sku`,storageKey:null},s={alias:null,args:null,kind:`ScalarField`,name:`description`,storageKey:null},c={condition:`editing`,kind:`Condition`,passingValue:!0,selections:[{alias:null,args:[{kind:`Variable`,name:`sku`,variableName:`sku`}],concreteType:`Product`,kind:`LinkedField`,name:`product`,plural:!1,selections:[n,o,r,s,{alias:null,args:null,kind:`ScalarField`,name:`pricePerDay`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`currency`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`defaultDuration`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`minDuration`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`maxDuration`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`maxLifetime`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`requiresApproval`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`extensionRequiresApproval`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`retired`,storageKey:null},{alias:null,args:null,concreteType:`Attribute`,kind:`LinkedField`,name:`attributes`,plural:!0,selections:[{alias:null,args:null,kind:`ScalarField`,name:`key`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`value`,storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`Stack`,kind:`LinkedField`,name:`components`,plural:!0,selections:[n,{alias:null,args:null,kind:`ScalarField`,name:`quantity`,storageKey:null},{alias:null,args:null,concreteType:`Product`,kind:`LinkedField`,name:`product`,plural:!1,selections:[n,o],storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`ProductParameter`,kind:`LinkedField`,name:`parameters`,plural:!0,selections:[r,{alias:null,args:null,kind:`ScalarField`,name:`type`,storageKey:null},s,{alias:null,args:null,kind:`ScalarField`,name:`required`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`default`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`fixed`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`values`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`min`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`max`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`maxLength`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`pattern`,storageKey:null}],storageKey:null}],storageKey:null}]};return{fragment:{argumentDefinitions:[e,t],kind:`Fragment`,metadata:null,name:`ProductEditQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[n,r,i,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[a],storageKey:null}],storageKey:null},c],type:`Query`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:[t,e],kind:`Operation`,name:`ProductEditQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[n,r,i,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[a,n],storageKey:null}],storageKey:null},c]},params:{cacheID:`073976cd5c338bfd0234137cd966c393`,id:null,metadata:{},name:`ProductEditQuery`,operationKind:`query`,text:`query ProductEditQuery(
  $sku: String!
  $editing: Boolean!
) {
  viewer {
    id
    name
    role
    costCenter {
      code
      id
    }
  }
  product(sku: $sku) @include(if: $editing) {
    id
    sku
    name
    description
    pricePerDay
    currency
    defaultDuration
    minDuration
    maxDuration
    maxLifetime
    requiresApproval
    extensionRequiresApproval
    retired
    attributes {
      key
      value
    }
    components {
      id
      quantity
      product {
        id
        sku
      }
    }
    parameters {
      name
      type
      description
      required
      default
      fixed
      values
      min
      max
      maxLength
      pattern
    }
  }
}
`}}})();u.hash=`8b9f5510dd2cb56e3bf12b5fb715b609`;var d=(function(){var e=[{defaultValue:null,kind:`LocalArgument`,name:`input`}],t=[{alias:null,args:[{kind:`Variable`,name:`input`,variableName:`input`}],concreteType:`Product`,kind:`LinkedField`,name:`createProduct`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`sku`,storageKey:null}],storageKey:null}];return{fragment:{argumentDefinitions:e,kind:`Fragment`,metadata:null,name:`ProductEditCreateMutation`,selections:t,type:`Mutation`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:e,kind:`Operation`,name:`ProductEditCreateMutation`,selections:t},params:{cacheID:`4a8b49d7b4c0b935cddd8a625c9349d5`,id:null,metadata:{},name:`ProductEditCreateMutation`,operationKind:`mutation`,text:`mutation ProductEditCreateMutation(
  $input: CreateProductInput!
) {
  createProduct(input: $input) {
    id
    sku
  }
}
`}}})();d.hash=`46f4d9540fd71c2531941bc8cc654062`;var f=(function(){var e=[{defaultValue:null,kind:`LocalArgument`,name:`id`},{defaultValue:null,kind:`LocalArgument`,name:`input`}],t={alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null},n={alias:null,args:null,kind:`ScalarField`,name:`description`,storageKey:null},r=[{alias:null,args:[{kind:`Variable`,name:`id`,variableName:`id`},{kind:`Variable`,name:`input`,variableName:`input`}],concreteType:`Product`,kind:`LinkedField`,name:`updateProduct`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`sku`,storageKey:null},t,n,{alias:null,args:null,kind:`ScalarField`,name:`pricePerDay`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`defaultDuration`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`minDuration`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`maxDuration`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`maxLifetime`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`requiresApproval`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`extensionRequiresApproval`,storageKey:null},{alias:null,args:null,concreteType:`Attribute`,kind:`LinkedField`,name:`attributes`,plural:!0,selections:[{alias:null,args:null,kind:`ScalarField`,name:`key`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`value`,storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`ProductParameter`,kind:`LinkedField`,name:`parameters`,plural:!0,selections:[t,{alias:null,args:null,kind:`ScalarField`,name:`type`,storageKey:null},n,{alias:null,args:null,kind:`ScalarField`,name:`required`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`default`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`fixed`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`values`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`min`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`max`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`maxLength`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`pattern`,storageKey:null}],storageKey:null}],storageKey:null}];return{fragment:{argumentDefinitions:e,kind:`Fragment`,metadata:null,name:`ProductEditUpdateMutation`,selections:r,type:`Mutation`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:e,kind:`Operation`,name:`ProductEditUpdateMutation`,selections:r},params:{cacheID:`5cc7a9780a5ba2da4b3f273ef392a3e2`,id:null,metadata:{},name:`ProductEditUpdateMutation`,operationKind:`mutation`,text:`mutation ProductEditUpdateMutation(
  $id: ID!
  $input: UpdateProductInput!
) {
  updateProduct(id: $id, input: $input) {
    id
    sku
    name
    description
    pricePerDay
    defaultDuration
    minDuration
    maxDuration
    maxLifetime
    requiresApproval
    extensionRequiresApproval
    attributes {
      key
      value
    }
    parameters {
      name
      type
      description
      required
      default
      fixed
      values
      min
      max
      maxLength
      pattern
    }
  }
}
`}}})();f.hash=`4f3197eaca63166bb2d63982850dd0be`;var p=n(),m={sku:``,name:``,description:``,price:``,currency:`USD`,defaultDuration:`7d`,minDuration:``,maxDuration:`30d`,maxLifetime:`90d`,requiresApproval:!1,extensionRequiresApproval:!1,attributes:``,components:[]};function h(e){return/^[1-4]/.test(e)?/^[1-4][A-E]/.test(e)?e[2]===`.`?/^[1-4][A-E]\.[a-z][a-z0-9]{0,31}$/.test(e)?null:`The size is a lower-case word (a-z, 0-9) of at most 32 characters.`:`A “.” follows tier and type, e.g. 2C.small.`:`The type (second character) is one of A to E.`:`A SKU is [tier][type].[size], e.g. 2C.small: the tier is 1 to 4.`}function g(e){let t=[],n=e.split(`
`);for(let e=0;e<n.length;e++){let r=n[e].trim();if(!r)continue;let i=r.indexOf(`=`);if(i<=0)return{attributes:t,error:`Line ${e+1}: write key=value, e.g. ram_gb=256.`};t.push({key:r.slice(0,i).trim(),value:r.slice(i+1).trim()})}return{attributes:t}}function _(e,t){let n={};if(t){let t=h(e.sku.trim());t&&(n.sku=t),/^[A-Z]{3}$/.test(e.currency.trim())||(n.currency=`Three capital letters (ISO 4217), e.g. USD or EUR.`)}e.name.trim()||(n.name=`A product needs a name.`);let r=a(e.price);r===null&&(n.price=`A price per day such as 45 or 45.50.`);let i={};for(let t of[`defaultDuration`,`minDuration`,`maxDuration`,`maxLifetime`]){if(!e[t].trim()){i[t]=null;continue}let r=c(e[t]);r.ok?i[t]=r.text:n[t]=r.error}let o=e=>i[e]?c(i[e]).seconds:null,[s,l,u,d]=[o(`defaultDuration`),o(`minDuration`),o(`maxDuration`),o(`maxLifetime`)];!n.maxDuration&&u!==null&&s!==null&&s>u&&(n.defaultDuration=`The default is longer than the longest lease.`),!n.minDuration&&l!==null&&u!==null&&l>u&&(n.minDuration=`The shortest lease is longer than the longest.`),!n.maxLifetime&&d!==null&&u!==null&&d<u&&(n.maxLifetime=`The lifetime with extensions is shorter than one lease.`);let f=g(e.attributes);f.error&&(n.attributes=f.error);let p=null;if(t&&e.components.length>0){p=[];for(let[t,r]of e.components.entries()){let e=Number(r.quantity);if(h(r.sku.trim())){n.components=`Component ${t+1}: ${h(r.sku.trim())}`;break}if(!/^\d+$/.test(r.quantity.trim())||e<1){n.components=`Component ${t+1}: the quantity is a whole number, at least 1.`;break}p.push({sku:r.sku.trim(),quantity:e})}}if(Object.keys(n).length>0)return{errors:n};let m={name:e.name.trim(),description:e.description.trim()||null,attributes:f.attributes,pricePerDay:r,defaultDuration:i.defaultDuration,minDuration:i.minDuration,maxDuration:i.maxDuration,maxLifetime:i.maxLifetime,requiresApproval:e.requiresApproval,extensionRequiresApproval:e.extensionRequiresApproval};return t&&(m.sku=e.sku.trim(),m.currency=e.currency.trim(),m.components=p),{errors:n,input:m}}var v=r(),y=u,b=d,x=f;function S({params:t}){let n=!!t.sku,r=(0,e.default)(y,{sku:t.sku??``,editing:n},{fetchPolicy:`store-and-network`});if(o(r.viewer),n&&!r.product)return(0,v.jsxs)(`section`,{children:[(0,v.jsxs)(`h1`,{children:[`No product `,t.sku]}),(0,v.jsx)(l,{to:`/admin/catalog`,children:`Products`})]});let i=r.product,a=i?{sku:i.sku,name:i.name,description:i.description??``,price:(i.pricePerDay/100).toFixed(2),currency:i.currency,defaultDuration:i.defaultDuration??``,minDuration:i.minDuration??``,maxDuration:i.maxDuration??``,maxLifetime:i.maxLifetime??``,requiresApproval:i.requiresApproval,extensionRequiresApproval:i.extensionRequiresApproval,attributes:i.attributes.map(e=>`${e.key}=${e.value}`).join(`
`),components:i.components.map(e=>({sku:e.product.sku,quantity:String(e.quantity)}))}:m,s=i&&i.parameters.length>0?JSON.stringify(i.parameters.map(C),null,2):``;return(0,v.jsx)(T,{id:i?.id??null,initial:a,initialParams:s},i?.id??`new`)}function C(e){return Object.fromEntries(Object.entries(e).filter(([e,t])=>t!==null&&(e!==`required`||t!==!1)&&(e!==`fixed`||t!==!1)))}function w(e){if(e.trim()===``)return{value:[]};try{let t=JSON.parse(e);return!Array.isArray(t)||t.some(e=>typeof e!=`object`||!e||Array.isArray(e))?{error:`A JSON list of objects: [{"name": "image", "type": "ENUM", "values": [...]}].`}:{value:t}}catch(e){return{error:`Not JSON: ${e.message}`}}}function T({id:e,initial:n,initialParams:r}){let[a,o]=(0,p.useState)(r),[c,u]=(0,p.useState)(null),d=e===null,{navigate:f}=i(),[m,h]=(0,p.useState)(n),[g,y]=(0,p.useState)({}),[S,C]=(0,p.useState)(null),[T,E]=(0,p.useState)(!1),[D,O]=(0,t.default)(b),[k,A]=(0,t.default)(x),j=(0,p.useId)(),M=(e,t)=>h(n=>({...n,[e]:t})),N=t=>{t.preventDefault(),E(!1);let n=_(m,d);y(n.errors);let i=w(a);if(u(i.error??null),n.input&&i.error)document.getElementById(`${j}-parameters`)?.focus();else if(!n.input)document.getElementById(`${j}-${Object.keys(n.errors)[0]}`)?.focus();else if(C(null),d){let e=i.value.length>0?{...n.input,parameters:i.value}:n.input;D({variables:{input:e},onCompleted:e=>f(`/catalog/${encodeURIComponent(e.createProduct.sku)}`),onError:C})}else{let{sku:t,currency:o,components:s,...c}=n.input,l=Object.fromEntries(Object.entries(c).filter(([,e])=>e!==null));a!==r&&(l.parameters=i.value),k({variables:{id:e,input:l},onCompleted:()=>E(!0),onError:C})}},P=(e,t,n,r)=>(0,v.jsxs)(`div`,{className:`field`,children:[(0,v.jsx)(`label`,{htmlFor:`${j}-${e}`,children:t}),n,(0,v.jsx)(`p`,{id:`${j}-${e}-msg`,className:g[e]?`field-error`:`help`,children:g[e]??r??``})]}),F=(e,t={})=>(0,v.jsx)(`input`,{id:`${j}-${e}`,value:m[e],onChange:t=>M(e,t.target.value),"aria-invalid":g[e]?!0:void 0,"aria-describedby":`${j}-${e}-msg`,spellCheck:!1,...t});return(0,v.jsxs)(`section`,{children:[(0,v.jsxs)(`p`,{className:`crumbs`,children:[(0,v.jsx)(l,{to:`/admin/catalog`,children:`Products`}),` › `,d?`New`:m.sku]}),(0,v.jsx)(`h1`,{children:d?`New product`:`Edit ${m.sku}`}),(0,v.jsxs)(`form`,{className:`panel form stack`,onSubmit:N,noValidate:!0,children:[(0,v.jsxs)(`div`,{className:`row`,children:[P(`sku`,`SKU`,F(`sku`,{disabled:!d,size:12}),d?`[tier][type].[size], e.g. 4D.medium`:`A SKU cannot change.`),(0,v.jsxs)(`div`,{className:`field grow`,children:[(0,v.jsx)(`label`,{htmlFor:`${j}-name`,children:`Name`}),F(`name`),(0,v.jsx)(`p`,{id:`${j}-name-msg`,className:g.name?`field-error`:`help`,children:g.name??``})]})]}),(0,v.jsxs)(`div`,{className:`field`,children:[(0,v.jsx)(`label`,{htmlFor:`${j}-description`,children:`Description`}),(0,v.jsx)(`textarea`,{id:`${j}-description`,rows:2,value:m.description,onChange:e=>M(`description`,e.target.value)})]}),(0,v.jsxs)(`div`,{className:`row`,children:[P(`price`,`Price per day`,F(`price`,{inputMode:`decimal`,size:8}),`in the currency, e.g. 45.00`),P(`currency`,`Currency`,F(`currency`,{disabled:!d,size:4}),d?`ISO 4217`:`Cannot change.`),P(`defaultDuration`,`Default duration`,F(`defaultDuration`,{size:6}),`e.g. 7d`),P(`minDuration`,`Shortest`,F(`minDuration`,{size:6}),`optional`),P(`maxDuration`,`Longest lease`,F(`maxDuration`,{size:6})),P(`maxLifetime`,`Longest with extensions`,F(`maxLifetime`,{size:6}))]}),(0,v.jsxs)(`div`,{className:`row`,children:[(0,v.jsxs)(`label`,{className:`check`,children:[(0,v.jsx)(`input`,{type:`checkbox`,checked:m.requiresApproval,onChange:e=>M(`requiresApproval`,e.target.checked)}),` Vending needs approval`]}),(0,v.jsxs)(`label`,{className:`check`,children:[(0,v.jsx)(`input`,{type:`checkbox`,checked:m.extensionRequiresApproval,onChange:e=>M(`extensionRequiresApproval`,e.target.checked)}),` Extending needs approval`]})]}),(0,v.jsxs)(`div`,{className:`field`,children:[(0,v.jsx)(`label`,{htmlFor:`${j}-attributes`,children:`Attributes`}),(0,v.jsx)(`textarea`,{id:`${j}-attributes`,rows:4,value:m.attributes,onChange:e=>M(`attributes`,e.target.value),"aria-invalid":g.attributes?!0:void 0,"aria-describedby":`${j}-attributes-msg`,placeholder:`ram_gb=256
storage_gb=2000`}),(0,v.jsx)(`p`,{id:`${j}-attributes-msg`,className:g.attributes?`field-error`:`help`,children:g.attributes??`One key=value per line.`})]}),(0,v.jsxs)(`div`,{className:`field`,children:[(0,v.jsx)(`label`,{htmlFor:`${j}-parameters`,children:`Parameters`}),(0,v.jsx)(`textarea`,{id:`${j}-parameters`,rows:6,value:a,onChange:e=>o(e.target.value),spellCheck:!1,className:`mono`,"aria-invalid":c?!0:void 0,"aria-describedby":`${j}-parameters-msg`,placeholder:`[{"name": "image", "type": "ENUM", "values": ["ubuntu-24.04", "debian-12"], "default": "ubuntu-24.04"},
 {"name": "ssh_key", "type": "SSH_PUBLIC_KEY", "required": true}]`}),(0,v.jsx)(`p`,{id:`${j}-parameters-msg`,className:c?`field-error`:`help`,children:c??`What a vend may or must pass, as JSON: name, type (STRING, INTEGER, BOOLEAN, ENUM, SSH_PUBLIC_KEY, SECRET), required or default, values, min/max, maxLength/pattern, description; a bundle names its components’ as SKU.name with a default or "fixed": true.`})]}),(0,v.jsxs)(`fieldset`,{className:`field components`,disabled:!d,children:[(0,v.jsxs)(`legend`,{children:[`Bundle components `,d?`(leave empty for a plain product)`:`(cannot change)`]}),m.components.map((e,t)=>(0,v.jsxs)(`div`,{className:`row`,children:[(0,v.jsx)(`input`,{"aria-label":`Component ${t+1} quantity`,value:e.quantity,size:3,onChange:e=>M(`components`,m.components.map((n,r)=>r===t?{...n,quantity:e.target.value}:n))}),(0,v.jsx)(`span`,{"aria-hidden":`true`,children:`×`}),(0,v.jsx)(`input`,{"aria-label":`Component ${t+1} SKU`,value:e.sku,size:12,onChange:e=>M(`components`,m.components.map((n,r)=>r===t?{...n,sku:e.target.value}:n))}),(0,v.jsx)(`button`,{type:`button`,className:`small`,onClick:()=>M(`components`,m.components.filter((e,n)=>n!==t)),"aria-label":`Remove component ${t+1}`,children:`Remove`})]},t)),d&&(0,v.jsx)(`div`,{children:(0,v.jsx)(`button`,{type:`button`,className:`small`,onClick:()=>M(`components`,[...m.components,{sku:``,quantity:`1`}]),children:`Add a component`})}),(0,v.jsx)(`p`,{id:`${j}-components`,className:g.components?`field-error`:`help`,tabIndex:-1,children:g.components??``})]}),(0,v.jsxs)(`div`,{className:`buttons`,children:[(0,v.jsx)(`button`,{type:`submit`,className:`primary`,disabled:O||A,children:O||A?`Saving…`:d?`Create product`:`Save changes`}),(0,v.jsx)(l,{to:`/admin/catalog`,children:`Cancel`})]}),(0,v.jsx)(s,{error:S}),T&&(0,v.jsx)(`p`,{className:`ok`,role:`status`,children:`Saved.`})]})]})}export{S as default};