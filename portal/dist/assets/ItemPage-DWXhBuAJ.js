import{a as e,o as t,p as n,t as r}from"./jsx-runtime-CXqrrld7.js";import{E as i,T as a,f as o,h as s,k as c,m as l,p as u,w as d}from"./index-D6nKLD1m.js";var f=(function(){var e=[{defaultValue:null,kind:`LocalArgument`,name:`id`}],t={alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},n={alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null},r={alias:null,args:null,kind:`ScalarField`,name:`role`,storageKey:null},i={alias:null,args:null,kind:`ScalarField`,name:`code`,storageKey:null},a=[{kind:`Variable`,name:`id`,variableName:`id`}],o={alias:null,args:null,kind:`ScalarField`,name:`__typename`,storageKey:null},s={alias:null,args:null,kind:`ScalarField`,name:`pool`,storageKey:null},c={alias:null,args:null,kind:`ScalarField`,name:`labels`,storageKey:null},l={alias:null,args:null,kind:`ScalarField`,name:`status`,storageKey:null},u={alias:null,args:null,kind:`ScalarField`,name:`statusChangedAt`,storageKey:null},d={alias:null,args:null,kind:`ScalarField`,name:`lastError`,storageKey:null},f={alias:null,args:null,kind:`ScalarField`,name:`createdAt`,storageKey:null},p={alias:null,args:null,concreteType:`Product`,kind:`LinkedField`,name:`product`,plural:!1,selections:[t,{alias:null,args:null,kind:`ScalarField`,name:`sku`,storageKey:null},n],storageKey:null},m={alias:null,args:null,concreteType:`Event`,kind:`LinkedField`,name:`events`,plural:!0,selections:[t,{alias:null,args:null,kind:`ScalarField`,name:`at`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`actor`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`kind`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`from`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`to`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`message`,storageKey:null}],storageKey:null},h={alias:null,args:null,concreteType:`Lease`,kind:`LinkedField`,name:`currentLease`,plural:!1,selections:[t,l,{alias:null,args:null,kind:`ScalarField`,name:`endsAt`,storageKey:null},{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`owner`,plural:!1,selections:[t,n],storageKey:null}],storageKey:null};return{fragment:{argumentDefinitions:e,kind:`Fragment`,metadata:null,name:`ItemPageQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[t,n,r,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[i],storageKey:null}],storageKey:null},{alias:null,args:a,concreteType:null,kind:`LinkedField`,name:`node`,plural:!1,selections:[o,{kind:`InlineFragment`,selections:[t,n,s,c,l,u,d,f,p,m,h],type:`InventoryItem`,abstractKey:null}],storageKey:null}],type:`Query`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:e,kind:`Operation`,name:`ItemPageQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[t,n,r,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[i,t],storageKey:null}],storageKey:null},{alias:null,args:a,concreteType:null,kind:`LinkedField`,name:`node`,plural:!1,selections:[o,t,{kind:`InlineFragment`,selections:[n,s,c,l,u,d,f,p,m,h],type:`InventoryItem`,abstractKey:null}],storageKey:null}]},params:{cacheID:`c9357e95df903e16b3701b3f4e93b0cb`,id:null,metadata:{},name:`ItemPageQuery`,operationKind:`query`,text:`query ItemPageQuery(
  $id: ID!
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
  node(id: $id) {
    __typename
    ... on InventoryItem {
      id
      name
      pool
      labels
      status
      statusChangedAt
      lastError
      createdAt
      product {
        id
        sku
        name
      }
      events {
        id
        at
        actor
        kind
        from
        to
        message
      }
      currentLease {
        id
        status
        endsAt
        owner {
          id
          name
        }
      }
    }
    id
  }
}
`}}})();f.hash=`94d54ebbd216caf699fd6941e0e56f99`;var p=(function(){var e={alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},t={alias:null,args:null,kind:`ScalarField`,name:`status`,storageKey:null};return{argumentDefinitions:[],kind:`Fragment`,metadata:null,name:`ItemPage_item`,selections:[e,t,{alias:null,args:null,kind:`ScalarField`,name:`statusChangedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`lastError`,storageKey:null},{alias:null,args:null,concreteType:`Event`,kind:`LinkedField`,name:`events`,plural:!0,selections:[e,{alias:null,args:null,kind:`ScalarField`,name:`at`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`actor`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`kind`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`from`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`to`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`message`,storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`Lease`,kind:`LinkedField`,name:`currentLease`,plural:!1,selections:[e,t,{alias:null,args:null,kind:`ScalarField`,name:`endsAt`,storageKey:null},{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`owner`,plural:!1,selections:[e,{alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null}],storageKey:null}],storageKey:null}],type:`InventoryItem`,abstractKey:null}})();p.hash=`99cbf87e0bc959ce2064727e19537674`;var m=(function(){var e=[{defaultValue:null,kind:`LocalArgument`,name:`id`},{defaultValue:null,kind:`LocalArgument`,name:`reason`}],t=[{kind:`Variable`,name:`id`,variableName:`id`},{kind:`Variable`,name:`reason`,variableName:`reason`}],n={alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},r={alias:null,args:null,kind:`ScalarField`,name:`status`,storageKey:null};return{fragment:{argumentDefinitions:e,kind:`Fragment`,metadata:null,name:`ItemPageMaintenanceMutation`,selections:[{alias:null,args:t,concreteType:`InventoryItem`,kind:`LinkedField`,name:`setItemMaintenance`,plural:!1,selections:[n,{args:null,kind:`FragmentSpread`,name:`ItemPage_item`}],storageKey:null}],type:`Mutation`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:e,kind:`Operation`,name:`ItemPageMaintenanceMutation`,selections:[{alias:null,args:t,concreteType:`InventoryItem`,kind:`LinkedField`,name:`setItemMaintenance`,plural:!1,selections:[n,r,{alias:null,args:null,kind:`ScalarField`,name:`statusChangedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`lastError`,storageKey:null},{alias:null,args:null,concreteType:`Event`,kind:`LinkedField`,name:`events`,plural:!0,selections:[n,{alias:null,args:null,kind:`ScalarField`,name:`at`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`actor`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`kind`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`from`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`to`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`message`,storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`Lease`,kind:`LinkedField`,name:`currentLease`,plural:!1,selections:[n,r,{alias:null,args:null,kind:`ScalarField`,name:`endsAt`,storageKey:null},{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`owner`,plural:!1,selections:[n,{alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null}],storageKey:null}],storageKey:null}],storageKey:null}]},params:{cacheID:`619a8b178bb7189d3f191578e401fc4b`,id:null,metadata:{},name:`ItemPageMaintenanceMutation`,operationKind:`mutation`,text:`mutation ItemPageMaintenanceMutation(
  $id: ID!
  $reason: String!
) {
  setItemMaintenance(id: $id, reason: $reason) {
    id
    ...ItemPage_item
  }
}

fragment ItemPage_item on InventoryItem {
  id
  status
  statusChangedAt
  lastError
  events {
    id
    at
    actor
    kind
    from
    to
    message
  }
  currentLease {
    id
    status
    endsAt
    owner {
      id
      name
    }
  }
}
`}}})();m.hash=`09d0088554d6550abf3e5ceab594ab6d`;var h=(function(){var e=[{defaultValue:null,kind:`LocalArgument`,name:`id`}],t=[{kind:`Variable`,name:`id`,variableName:`id`}],n={alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},r={alias:null,args:null,kind:`ScalarField`,name:`status`,storageKey:null};return{fragment:{argumentDefinitions:e,kind:`Fragment`,metadata:null,name:`ItemPageReleaseMutation`,selections:[{alias:null,args:t,concreteType:`InventoryItem`,kind:`LinkedField`,name:`releaseItemFromMaintenance`,plural:!1,selections:[n,{args:null,kind:`FragmentSpread`,name:`ItemPage_item`}],storageKey:null}],type:`Mutation`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:e,kind:`Operation`,name:`ItemPageReleaseMutation`,selections:[{alias:null,args:t,concreteType:`InventoryItem`,kind:`LinkedField`,name:`releaseItemFromMaintenance`,plural:!1,selections:[n,r,{alias:null,args:null,kind:`ScalarField`,name:`statusChangedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`lastError`,storageKey:null},{alias:null,args:null,concreteType:`Event`,kind:`LinkedField`,name:`events`,plural:!0,selections:[n,{alias:null,args:null,kind:`ScalarField`,name:`at`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`actor`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`kind`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`from`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`to`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`message`,storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`Lease`,kind:`LinkedField`,name:`currentLease`,plural:!1,selections:[n,r,{alias:null,args:null,kind:`ScalarField`,name:`endsAt`,storageKey:null},{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`owner`,plural:!1,selections:[n,{alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null}],storageKey:null}],storageKey:null}],storageKey:null}]},params:{cacheID:`42fd51541b8377660203fb91ad39cd47`,id:null,metadata:{},name:`ItemPageReleaseMutation`,operationKind:`mutation`,text:`mutation ItemPageReleaseMutation(
  $id: ID!
) {
  releaseItemFromMaintenance(id: $id) {
    id
    ...ItemPage_item
  }
}

fragment ItemPage_item on InventoryItem {
  id
  status
  statusChangedAt
  lastError
  events {
    id
    at
    actor
    kind
    from
    to
    message
  }
  currentLease {
    id
    status
    endsAt
    owner {
      id
      name
    }
  }
}
`}}})();h.hash=`b9bc5532c74121a025c0c91040f1062d`;var g=(function(){var e=[{defaultValue:null,kind:`LocalArgument`,name:`id`}],t=[{kind:`Variable`,name:`id`,variableName:`id`}],n={alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},r={alias:null,args:null,kind:`ScalarField`,name:`status`,storageKey:null};return{fragment:{argumentDefinitions:e,kind:`Fragment`,metadata:null,name:`ItemPageArchiveMutation`,selections:[{alias:null,args:t,concreteType:`InventoryItem`,kind:`LinkedField`,name:`archiveItem`,plural:!1,selections:[n,{args:null,kind:`FragmentSpread`,name:`ItemPage_item`}],storageKey:null}],type:`Mutation`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:e,kind:`Operation`,name:`ItemPageArchiveMutation`,selections:[{alias:null,args:t,concreteType:`InventoryItem`,kind:`LinkedField`,name:`archiveItem`,plural:!1,selections:[n,r,{alias:null,args:null,kind:`ScalarField`,name:`statusChangedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`lastError`,storageKey:null},{alias:null,args:null,concreteType:`Event`,kind:`LinkedField`,name:`events`,plural:!0,selections:[n,{alias:null,args:null,kind:`ScalarField`,name:`at`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`actor`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`kind`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`from`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`to`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`message`,storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`Lease`,kind:`LinkedField`,name:`currentLease`,plural:!1,selections:[n,r,{alias:null,args:null,kind:`ScalarField`,name:`endsAt`,storageKey:null},{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`owner`,plural:!1,selections:[n,{alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null}],storageKey:null}],storageKey:null}],storageKey:null}]},params:{cacheID:`27f102e8b389ba3bb98de093fab9c825`,id:null,metadata:{},name:`ItemPageArchiveMutation`,operationKind:`mutation`,text:`mutation ItemPageArchiveMutation(
  $id: ID!
) {
  archiveItem(id: $id) {
    id
    ...ItemPage_item
  }
}

fragment ItemPage_item on InventoryItem {
  id
  status
  statusChangedAt
  lastError
  events {
    id
    at
    actor
    kind
    from
    to
    message
  }
  currentLease {
    id
    status
    endsAt
    owner {
      id
      name
    }
  }
}
`}}})();g.hash=`f34de52f7bb7e876ebc3fdfb9837ae6c`;var _=n(),v=r(),y=f,b=m,x=h,S=g;function C({params:n}){let r=(0,e.default)(y,{id:n.id},{fetchPolicy:`store-and-network`});i(r.viewer);let[f,p]=(0,t.default)(b),[m,h]=(0,t.default)(x),[g,C]=(0,t.default)(S),[w,T]=(0,_.useState)(``),[E,D]=(0,_.useState)(null),[O,k]=(0,_.useState)(null),[A,j]=(0,_.useState)(null),[M,N]=(0,_.useState)(null),P=(0,_.useId)(),F=r.node?.__typename===`InventoryItem`?r.node:null;if(!F||!F.id)return(0,v.jsxs)(`section`,{children:[(0,v.jsxs)(`h1`,{children:[`No item `,n.id]}),(0,v.jsx)(`p`,{children:(0,v.jsx)(c,{to:`/admin/inventory`,children:`Inventory`})})]});let I=e=>()=>{k(null),j(null),N(e)},L=e=>{k(null),N(null),j(e)},R=e=>{e.preventDefault(),w.trim().length<3?D(`Say why, in a few words: it is kept in the item’s history.`):(D(null),f({variables:{id:F.id,reason:w.trim()},onCompleted:I(`The item is in maintenance.`),onError:L}))},z=[...F.events??[]].sort((e,t)=>t.at.localeCompare(e.at)||Number(t.id)-Number(e.id));return(0,v.jsxs)(`section`,{children:[(0,v.jsxs)(`p`,{className:`crumbs`,children:[(0,v.jsx)(c,{to:`/admin/inventory`,children:`Inventory`}),` › `,F.name]}),(0,v.jsxs)(`div`,{className:`page-head`,children:[(0,v.jsx)(`h1`,{className:`mono`,children:F.name}),(0,v.jsx)(l,{value:F.status}),(0,v.jsx)(`span`,{className:`sku`,children:F.product?.sku})]}),(0,v.jsxs)(`div`,{className:`grid2`,children:[(0,v.jsxs)(`div`,{className:`panel`,children:[(0,v.jsx)(`h2`,{children:`Item`}),(0,v.jsxs)(`dl`,{className:`kv`,children:[(0,v.jsxs)(`div`,{children:[(0,v.jsx)(`dt`,{children:`Product`}),(0,v.jsxs)(`dd`,{children:[F.product?.sku,` · `,F.product?.name]})]}),(0,v.jsxs)(`div`,{children:[(0,v.jsx)(`dt`,{children:`Pool`}),(0,v.jsx)(`dd`,{children:F.pool??`—`})]}),(0,v.jsxs)(`div`,{children:[(0,v.jsx)(`dt`,{children:`Labels`}),(0,v.jsx)(`dd`,{children:F.labels?.join(`, `)||`—`})]}),(0,v.jsxs)(`div`,{children:[(0,v.jsx)(`dt`,{children:`Status since`}),(0,v.jsx)(`dd`,{children:(0,v.jsx)(s,{value:F.statusChangedAt})})]}),(0,v.jsxs)(`div`,{children:[(0,v.jsx)(`dt`,{children:`Added`}),(0,v.jsx)(`dd`,{children:(0,v.jsx)(s,{value:F.createdAt})})]}),F.lastError&&(0,v.jsxs)(`div`,{children:[(0,v.jsx)(`dt`,{children:`Last error`}),(0,v.jsx)(`dd`,{className:`error`,children:F.lastError})]})]}),(0,v.jsxs)(`div`,{className:`buttons`,style:{marginTop:`0.8rem`},children:[F.status===`AVAILABLE`&&(0,v.jsx)(`button`,{type:`button`,onClick:()=>{N(null),k(O===`maintenance`?null:`maintenance`)},"aria-expanded":O===`maintenance`,children:`Put into maintenance`}),F.status===`MAINTENANCE`&&(0,v.jsx)(`button`,{type:`button`,className:`primary`,disabled:h,onClick:()=>m({variables:{id:F.id},onCompleted:I(`Released: the item is available.`),onError:L}),children:h?`Releasing…`:`Release from maintenance`}),(F.status===`AVAILABLE`||F.status===`MAINTENANCE`)&&(0,v.jsx)(`button`,{type:`button`,className:`danger-outline`,onClick:()=>k(`archive`),children:`Archive`})]}),O===`maintenance`&&(0,v.jsxs)(`form`,{className:`form inline`,onSubmit:R,noValidate:!0,children:[(0,v.jsx)(`label`,{htmlFor:`${P}-reason`,children:`Reason`}),(0,v.jsx)(`input`,{id:`${P}-reason`,value:w,onChange:e=>T(e.target.value),size:30,"aria-invalid":E?!0:void 0,"aria-describedby":`${P}-reason-msg`,autoFocus:!0}),(0,v.jsx)(`button`,{type:`submit`,className:`primary`,disabled:p,children:p?`Saving…`:`Put into maintenance`}),(0,v.jsx)(`span`,{id:`${P}-reason-msg`,className:E?`field-error`:`help`,children:E??`Kept in the item’s history.`})]}),(0,v.jsx)(a,{error:A}),M&&(0,v.jsx)(`p`,{className:`ok`,role:`status`,children:M}),(0,v.jsx)(o,{open:O===`archive`,title:`Archive ${F.name}?`,confirmLabel:`Archive`,danger:!0,busy:C,onCancel:()=>k(null),onConfirm:()=>g({variables:{id:F.id},onCompleted:I(`Archived: decommissioned and kept for history.`),onError:L}),children:(0,v.jsx)(`p`,{children:`It is decommissioned: it can no longer be leased, and stays in the history.`})})]}),(0,v.jsxs)(`div`,{className:`panel`,children:[(0,v.jsx)(`h2`,{children:`Current lease`}),F.currentLease?(0,v.jsxs)(`dl`,{className:`kv`,children:[(0,v.jsxs)(`div`,{children:[(0,v.jsx)(`dt`,{children:`Lease`}),(0,v.jsxs)(`dd`,{children:[(0,v.jsx)(c,{to:`/leases/${F.currentLease.id}`,children:F.currentLease.id}),` `,(0,v.jsx)(l,{value:F.currentLease.status})]})]}),(0,v.jsxs)(`div`,{children:[(0,v.jsx)(`dt`,{children:`Held by`}),(0,v.jsx)(`dd`,{children:F.currentLease.owner.name})]}),(0,v.jsxs)(`div`,{children:[(0,v.jsx)(`dt`,{children:`Ends`}),(0,v.jsxs)(`dd`,{children:[(0,v.jsx)(s,{value:F.currentLease.endsAt}),` · `,(0,v.jsx)(u,{until:F.currentLease.endsAt})]})]})]}):(0,v.jsx)(d,{children:`Not leased.`})]})]}),(0,v.jsxs)(`div`,{className:`panel`,style:{marginTop:`1rem`},children:[(0,v.jsx)(`h2`,{children:`History`}),z.length===0?(0,v.jsx)(d,{children:`No events.`}):(0,v.jsx)(`ol`,{className:`timeline`,children:z.map(e=>(0,v.jsxs)(`li`,{children:[(0,v.jsx)(s,{value:e.at}),` `,(0,v.jsx)(`strong`,{children:e.kind}),(e.from||e.to)&&(0,v.jsxs)(`span`,{className:`muted`,children:[` `,e.from??`—`,` → `,e.to??`—`]}),e.actor&&(0,v.jsxs)(`span`,{className:`muted`,children:[` · `,e.actor]}),e.message&&(0,v.jsx)(`div`,{className:`msg`,children:e.message})]},e.id))})]})]})}export{C as default};