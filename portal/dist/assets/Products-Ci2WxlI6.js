import{a as e,o as t,p as n,t as r}from"./jsx-runtime-CXqrrld7.js";import{E as i,S as a,T as o,f as s,h as c,k as l,x as u,y as d}from"./index-D6nKLD1m.js";var f=(function(){var e={alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},t={alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null},n={alias:null,args:null,kind:`ScalarField`,name:`role`,storageKey:null},r={alias:null,args:null,kind:`ScalarField`,name:`code`,storageKey:null},i={alias:null,args:null,kind:`ScalarField`,name:`sku`,storageKey:null},a={alias:null,args:[{kind:`Literal`,name:`first`,value:500},{kind:`Literal`,name:`includeCustom`,value:!0},{kind:`Literal`,name:`includeRetired`,value:!0},{kind:`Literal`,name:`orderBy`,value:{direction:`ASC`,field:`SKU`}}],concreteType:`ProductConnection`,kind:`LinkedField`,name:`products`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`totalCount`,storageKey:null},{alias:null,args:null,concreteType:`ProductEdge`,kind:`LinkedField`,name:`edges`,plural:!0,selections:[{alias:null,args:null,concreteType:`Product`,kind:`LinkedField`,name:`node`,plural:!1,selections:[e,i,t,{alias:null,args:null,kind:`ScalarField`,name:`pricePerDay`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`currency`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`defaultDuration`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`maxDuration`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`requiresApproval`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`retired`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`retiredAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`custom`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`expiresAt`,storageKey:null},{alias:null,args:null,concreteType:`Stack`,kind:`LinkedField`,name:`components`,plural:!0,selections:[e,{alias:null,args:null,kind:`ScalarField`,name:`quantity`,storageKey:null},{alias:null,args:null,concreteType:`Product`,kind:`LinkedField`,name:`product`,plural:!1,selections:[e,i],storageKey:null}],storageKey:null}],storageKey:null}],storageKey:null}],storageKey:`products(first:500,includeCustom:true,includeRetired:true,orderBy:{"direction":"ASC","field":"SKU"})`},o={alias:null,args:null,concreteType:`Availability`,kind:`LinkedField`,name:`availability`,plural:!0,selections:[i,{alias:null,args:null,kind:`ScalarField`,name:`available`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`leased`,storageKey:null}],storageKey:null};return{fragment:{argumentDefinitions:[],kind:`Fragment`,metadata:null,name:`ProductsQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[e,t,n,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[r],storageKey:null}],storageKey:null},a,o],type:`Query`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:[],kind:`Operation`,name:`ProductsQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[e,t,n,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[r,e],storageKey:null}],storageKey:null},a,o]},params:{cacheID:`0a4f40aee32ec3076c30faafd7a3b54d`,id:null,metadata:{},name:`ProductsQuery`,operationKind:`query`,text:`query ProductsQuery {
  viewer {
    id
    name
    role
    costCenter {
      code
      id
    }
  }
  products(first: 500, includeRetired: true, includeCustom: true, orderBy: {field: SKU, direction: ASC}) {
    totalCount
    edges {
      node {
        id
        sku
        name
        pricePerDay
        currency
        defaultDuration
        maxDuration
        requiresApproval
        retired
        retiredAt
        custom
        expiresAt
        components {
          id
          quantity
          product {
            id
            sku
          }
        }
      }
    }
  }
  availability {
    sku
    available
    leased
  }
}
`}}})();f.hash=`47bc277f75739a693778aa5615d8ecff`;var p=(function(){var e=[{defaultValue:null,kind:`LocalArgument`,name:`id`}],t=[{alias:null,args:[{kind:`Variable`,name:`id`,variableName:`id`}],concreteType:`Product`,kind:`LinkedField`,name:`retireProduct`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`retired`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`retiredAt`,storageKey:null}],storageKey:null}];return{fragment:{argumentDefinitions:e,kind:`Fragment`,metadata:null,name:`ProductsRetireMutation`,selections:t,type:`Mutation`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:e,kind:`Operation`,name:`ProductsRetireMutation`,selections:t},params:{cacheID:`268643a5a6795bfd0c51d7381eab4935`,id:null,metadata:{},name:`ProductsRetireMutation`,operationKind:`mutation`,text:`mutation ProductsRetireMutation(
  $id: ID!
) {
  retireProduct(id: $id) {
    id
    retired
    retiredAt
  }
}
`}}})();p.hash=`d5789692c251780ed9c4cc4b50e02991`;var m=n(),h=r(),g=f,_=p;function v(){let n=(0,e.default)(g,{},{fetchPolicy:`store-and-network`});i(n.viewer);let[r,f]=(0,t.default)(_),[p,v]=(0,m.useState)(null),[y,b]=(0,m.useState)(null),[x,S]=(0,m.useState)(null),C=new Map(n.availability.map(e=>[e.sku,e])),w=(n.products.edges??[]).flatMap(e=>e?.node?[e.node]:[]);return(0,h.jsxs)(`section`,{children:[(0,h.jsxs)(`div`,{className:`page-head`,children:[(0,h.jsx)(`h1`,{children:`Products`}),(0,h.jsxs)(`p`,{className:`muted`,children:[n.products.totalCount,` including retired and custom`]}),(0,h.jsx)(l,{to:`/admin/catalog/new`,className:`button`,children:`New product`})]}),(0,h.jsx)(o,{error:y}),x&&(0,h.jsx)(`p`,{className:`ok`,role:`status`,children:x}),(0,h.jsx)(`div`,{className:`table-wrap`,children:(0,h.jsxs)(`table`,{children:[(0,h.jsx)(`thead`,{children:(0,h.jsxs)(`tr`,{children:[(0,h.jsx)(`th`,{scope:`col`,children:`SKU`}),(0,h.jsx)(`th`,{scope:`col`,children:`Name`}),(0,h.jsx)(`th`,{scope:`col`,className:`num`,children:`Per day`}),(0,h.jsx)(`th`,{scope:`col`,children:`Lease`}),(0,h.jsx)(`th`,{scope:`col`,children:`Stock`}),(0,h.jsx)(`th`,{scope:`col`,children:`State`}),(0,h.jsx)(`th`,{scope:`col`,children:(0,h.jsx)(`span`,{className:`sr-only`,children:`Actions`})})]})}),(0,h.jsx)(`tbody`,{children:w.map(e=>(0,h.jsxs)(`tr`,{"data-product":e.sku,children:[(0,h.jsx)(`td`,{children:(0,h.jsx)(`span`,{className:`sku`,children:e.sku})}),(0,h.jsxs)(`td`,{children:[e.name,e.components.length>0&&(0,h.jsxs)(`div`,{className:`muted`,children:[`bundle: `,e.components.map(e=>`${e.quantity} × ${e.product.sku}`).join(` + `)]})]}),(0,h.jsx)(`td`,{className:`num`,children:a(e.pricePerDay,e.currency)}),(0,h.jsxs)(`td`,{children:[e.defaultDuration?d(u(e.defaultDuration)):`—`,` / max `,e.maxDuration?d(u(e.maxDuration)):`—`,e.requiresApproval&&(0,h.jsx)(`div`,{className:`muted`,children:`needs approval`})]}),(0,h.jsx)(`td`,{children:C.get(e.sku)?`${C.get(e.sku).available} free · ${C.get(e.sku).leased} leased`:`—`}),(0,h.jsx)(`td`,{children:e.retired?(0,h.jsx)(`span`,{className:`badge badge-archived`,children:`Retired`}):e.custom?(0,h.jsxs)(`span`,{className:`badge badge-pending`,children:[`Custom`,e.expiresAt?(0,h.jsxs)(h.Fragment,{children:[` until `,(0,h.jsx)(c,{value:e.expiresAt})]}):``]}):(0,h.jsx)(`span`,{className:`badge badge-active`,children:`In catalog`})}),(0,h.jsx)(`td`,{children:(0,h.jsxs)(`div`,{className:`buttons`,children:[(0,h.jsx)(l,{to:`/admin/catalog/${encodeURIComponent(e.sku)}`,"aria-label":`Edit ${e.sku}`,children:`Edit`}),!e.retired&&(0,h.jsx)(`button`,{type:`button`,className:`small danger-outline`,onClick:()=>v({id:e.id,sku:e.sku}),"aria-label":`Retire ${e.sku}`,children:`Retire`})]})})]},e.id))})]})}),(0,h.jsx)(s,{open:!!p,title:`Retire ${p?.sku}?`,confirmLabel:`Retire`,danger:!0,busy:f,onCancel:()=>v(null),onConfirm:()=>p&&r({variables:{id:p.id},onCompleted:()=>{S(`${p.sku} is retired: it stays for history and orders but can no longer be vended or stocked.`),v(null)},onError:e=>{b(e),v(null)}}),children:(0,h.jsx)(`p`,{children:`It leaves the catalog. Orders and history keep it; it cannot be vended or stocked again.`})})]})}export{v as default};