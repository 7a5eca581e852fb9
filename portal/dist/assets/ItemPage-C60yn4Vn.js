import{i as e,n as t,t as n}from"./jsx-runtime-D86ktWoZ.js";import{a as r,b as i,g as a,h as o,i as s,m as c,n as l,r as u}from"./index-VAyfI4CW.js";var d=(function(){var e=[{defaultValue:null,kind:`LocalArgument`,name:`id`}],t={alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},n={alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null},r={alias:null,args:null,kind:`ScalarField`,name:`role`,storageKey:null},i={alias:null,args:null,kind:`ScalarField`,name:`code`,storageKey:null},a=[{kind:`Variable`,name:`id`,variableName:`id`}],o={alias:null,args:null,kind:`ScalarField`,name:`__typename`,storageKey:null},s={alias:null,args:null,kind:`ScalarField`,name:`pool`,storageKey:null},c={alias:null,args:null,kind:`ScalarField`,name:`labels`,storageKey:null},l={alias:null,args:null,kind:`ScalarField`,name:`status`,storageKey:null},u={alias:null,args:null,kind:`ScalarField`,name:`statusChangedAt`,storageKey:null},d={alias:null,args:null,kind:`ScalarField`,name:`lastError`,storageKey:null},f={alias:null,args:null,kind:`ScalarField`,name:`createdAt`,storageKey:null},p={alias:null,args:null,concreteType:`Product`,kind:`LinkedField`,name:`product`,plural:!1,selections:[t,{alias:null,args:null,kind:`ScalarField`,name:`sku`,storageKey:null},n],storageKey:null},m={alias:null,args:null,concreteType:`Event`,kind:`LinkedField`,name:`events`,plural:!0,selections:[t,{alias:null,args:null,kind:`ScalarField`,name:`at`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`actor`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`kind`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`from`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`to`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`message`,storageKey:null}],storageKey:null},h={alias:null,args:null,concreteType:`Lease`,kind:`LinkedField`,name:`currentLease`,plural:!1,selections:[t,l,{alias:null,args:null,kind:`ScalarField`,name:`endsAt`,storageKey:null},{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`owner`,plural:!1,selections:[t,n],storageKey:null}],storageKey:null};return{fragment:{argumentDefinitions:e,kind:`Fragment`,metadata:null,name:`ItemPageQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[t,n,r,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[i],storageKey:null}],storageKey:null},{alias:null,args:a,concreteType:null,kind:`LinkedField`,name:`node`,plural:!1,selections:[o,{kind:`InlineFragment`,selections:[t,n,s,c,l,u,d,f,p,m,h],type:`InventoryItem`,abstractKey:null}],storageKey:null}],type:`Query`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:e,kind:`Operation`,name:`ItemPageQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[t,n,r,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[i,t],storageKey:null}],storageKey:null},{alias:null,args:a,concreteType:null,kind:`LinkedField`,name:`node`,plural:!1,selections:[o,t,{kind:`InlineFragment`,selections:[n,s,c,l,u,d,f,p,m,h],type:`InventoryItem`,abstractKey:null}],storageKey:null}]},params:{cacheID:`c9357e95df903e16b3701b3f4e93b0cb`,id:null,metadata:{},name:`ItemPageQuery`,operationKind:`query`,text:`query ItemPageQuery(
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
`}}})();d.hash=`94d54ebbd216caf699fd6941e0e56f99`;var f=(function(){var e={alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},t={alias:null,args:null,kind:`ScalarField`,name:`status`,storageKey:null};return{argumentDefinitions:[],kind:`Fragment`,metadata:null,name:`ItemPage_item`,selections:[e,t,{alias:null,args:null,kind:`ScalarField`,name:`statusChangedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`lastError`,storageKey:null},{alias:null,args:null,concreteType:`Event`,kind:`LinkedField`,name:`events`,plural:!0,selections:[e,{alias:null,args:null,kind:`ScalarField`,name:`at`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`actor`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`kind`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`from`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`to`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`message`,storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`Lease`,kind:`LinkedField`,name:`currentLease`,plural:!1,selections:[e,t,{alias:null,args:null,kind:`ScalarField`,name:`endsAt`,storageKey:null},{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`owner`,plural:!1,selections:[e,{alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null}],storageKey:null}],storageKey:null}],type:`InventoryItem`,abstractKey:null}})();f.hash=`99cbf87e0bc959ce2064727e19537674`;var p=(function(){var e=[{defaultValue:null,kind:`LocalArgument`,name:`id`},{defaultValue:null,kind:`LocalArgument`,name:`reason`}],t=[{kind:`Variable`,name:`id`,variableName:`id`},{kind:`Variable`,name:`reason`,variableName:`reason`}],n={alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},r={alias:null,args:null,kind:`ScalarField`,name:`status`,storageKey:null};return{fragment:{argumentDefinitions:e,kind:`Fragment`,metadata:null,name:`ItemPageMaintenanceMutation`,selections:[{alias:null,args:t,concreteType:`InventoryItem`,kind:`LinkedField`,name:`setItemMaintenance`,plural:!1,selections:[n,{args:null,kind:`FragmentSpread`,name:`ItemPage_item`}],storageKey:null}],type:`Mutation`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:e,kind:`Operation`,name:`ItemPageMaintenanceMutation`,selections:[{alias:null,args:t,concreteType:`InventoryItem`,kind:`LinkedField`,name:`setItemMaintenance`,plural:!1,selections:[n,r,{alias:null,args:null,kind:`ScalarField`,name:`statusChangedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`lastError`,storageKey:null},{alias:null,args:null,concreteType:`Event`,kind:`LinkedField`,name:`events`,plural:!0,selections:[n,{alias:null,args:null,kind:`ScalarField`,name:`at`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`actor`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`kind`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`from`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`to`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`message`,storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`Lease`,kind:`LinkedField`,name:`currentLease`,plural:!1,selections:[n,r,{alias:null,args:null,kind:`ScalarField`,name:`endsAt`,storageKey:null},{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`owner`,plural:!1,selections:[n,{alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null}],storageKey:null}],storageKey:null}],storageKey:null}]},params:{cacheID:`619a8b178bb7189d3f191578e401fc4b`,id:null,metadata:{},name:`ItemPageMaintenanceMutation`,operationKind:`mutation`,text:`mutation ItemPageMaintenanceMutation(
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
`}}})();p.hash=`09d0088554d6550abf3e5ceab594ab6d`;var m=(function(){var e=[{defaultValue:null,kind:`LocalArgument`,name:`id`}],t=[{kind:`Variable`,name:`id`,variableName:`id`}],n={alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},r={alias:null,args:null,kind:`ScalarField`,name:`status`,storageKey:null};return{fragment:{argumentDefinitions:e,kind:`Fragment`,metadata:null,name:`ItemPageReleaseMutation`,selections:[{alias:null,args:t,concreteType:`InventoryItem`,kind:`LinkedField`,name:`releaseItemFromMaintenance`,plural:!1,selections:[n,{args:null,kind:`FragmentSpread`,name:`ItemPage_item`}],storageKey:null}],type:`Mutation`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:e,kind:`Operation`,name:`ItemPageReleaseMutation`,selections:[{alias:null,args:t,concreteType:`InventoryItem`,kind:`LinkedField`,name:`releaseItemFromMaintenance`,plural:!1,selections:[n,r,{alias:null,args:null,kind:`ScalarField`,name:`statusChangedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`lastError`,storageKey:null},{alias:null,args:null,concreteType:`Event`,kind:`LinkedField`,name:`events`,plural:!0,selections:[n,{alias:null,args:null,kind:`ScalarField`,name:`at`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`actor`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`kind`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`from`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`to`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`message`,storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`Lease`,kind:`LinkedField`,name:`currentLease`,plural:!1,selections:[n,r,{alias:null,args:null,kind:`ScalarField`,name:`endsAt`,storageKey:null},{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`owner`,plural:!1,selections:[n,{alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null}],storageKey:null}],storageKey:null}],storageKey:null}]},params:{cacheID:`42fd51541b8377660203fb91ad39cd47`,id:null,metadata:{},name:`ItemPageReleaseMutation`,operationKind:`mutation`,text:`mutation ItemPageReleaseMutation(
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
`}}})();m.hash=`b9bc5532c74121a025c0c91040f1062d`;var h=(function(){var e=[{defaultValue:null,kind:`LocalArgument`,name:`id`}],t=[{kind:`Variable`,name:`id`,variableName:`id`}],n={alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},r={alias:null,args:null,kind:`ScalarField`,name:`status`,storageKey:null};return{fragment:{argumentDefinitions:e,kind:`Fragment`,metadata:null,name:`ItemPageArchiveMutation`,selections:[{alias:null,args:t,concreteType:`InventoryItem`,kind:`LinkedField`,name:`archiveItem`,plural:!1,selections:[n,{args:null,kind:`FragmentSpread`,name:`ItemPage_item`}],storageKey:null}],type:`Mutation`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:e,kind:`Operation`,name:`ItemPageArchiveMutation`,selections:[{alias:null,args:t,concreteType:`InventoryItem`,kind:`LinkedField`,name:`archiveItem`,plural:!1,selections:[n,r,{alias:null,args:null,kind:`ScalarField`,name:`statusChangedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`lastError`,storageKey:null},{alias:null,args:null,concreteType:`Event`,kind:`LinkedField`,name:`events`,plural:!0,selections:[n,{alias:null,args:null,kind:`ScalarField`,name:`at`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`actor`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`kind`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`from`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`to`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`message`,storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`Lease`,kind:`LinkedField`,name:`currentLease`,plural:!1,selections:[n,r,{alias:null,args:null,kind:`ScalarField`,name:`endsAt`,storageKey:null},{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`owner`,plural:!1,selections:[n,{alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null}],storageKey:null}],storageKey:null}],storageKey:null}]},params:{cacheID:`27f102e8b389ba3bb98de093fab9c825`,id:null,metadata:{},name:`ItemPageArchiveMutation`,operationKind:`mutation`,text:`mutation ItemPageArchiveMutation(
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
`}}})();h.hash=`f34de52f7bb7e876ebc3fdfb9837ae6c`;var g=e(),_=t(),v=n(),y=d,b=p,x=m,S=h;function C({params:e}){let t=(0,_.useLazyLoadQuery)(y,{id:e.id},{fetchPolicy:`store-and-network`});a(t.viewer);let[n,d]=(0,_.useMutation)(b),[f,p]=(0,_.useMutation)(x),[m,h]=(0,_.useMutation)(S),[C,w]=(0,g.useState)(``),[T,E]=(0,g.useState)(null),[D,O]=(0,g.useState)(null),[k,A]=(0,g.useState)(null),[j,M]=(0,g.useState)(null),N=(0,g.useId)(),P=t.node?.__typename===`InventoryItem`?t.node:null;if(!P||!P.id)return(0,v.jsxs)(`section`,{children:[(0,v.jsxs)(`h1`,{children:[`No item `,e.id]}),(0,v.jsx)(`p`,{children:(0,v.jsx)(i,{to:`/admin/inventory`,children:`Inventory`})})]});let F=e=>()=>{O(null),A(null),M(e)},I=e=>{O(null),M(null),A(e)},L=e=>{e.preventDefault(),C.trim().length<3?E(`Say why, in a few words: it is kept in the item’s history.`):(E(null),n({variables:{id:P.id,reason:C.trim()},onCompleted:F(`The item is in maintenance.`),onError:I}))},R=[...P.events??[]].sort((e,t)=>t.at.localeCompare(e.at)||Number(t.id)-Number(e.id));return(0,v.jsxs)(`section`,{children:[(0,v.jsxs)(`p`,{className:`crumbs`,children:[(0,v.jsx)(i,{to:`/admin/inventory`,children:`Inventory`}),` › `,P.name]}),(0,v.jsxs)(`div`,{className:`page-head`,children:[(0,v.jsx)(`h1`,{className:`mono`,children:P.name}),(0,v.jsx)(s,{value:P.status}),(0,v.jsx)(`span`,{className:`sku`,children:P.product?.sku})]}),(0,v.jsxs)(`div`,{className:`grid2`,children:[(0,v.jsxs)(`div`,{className:`panel`,children:[(0,v.jsx)(`h2`,{children:`Item`}),(0,v.jsxs)(`dl`,{className:`kv`,children:[(0,v.jsxs)(`div`,{children:[(0,v.jsx)(`dt`,{children:`Product`}),(0,v.jsxs)(`dd`,{children:[P.product?.sku,` · `,P.product?.name]})]}),(0,v.jsxs)(`div`,{children:[(0,v.jsx)(`dt`,{children:`Pool`}),(0,v.jsx)(`dd`,{children:P.pool??`—`})]}),(0,v.jsxs)(`div`,{children:[(0,v.jsx)(`dt`,{children:`Labels`}),(0,v.jsx)(`dd`,{children:P.labels?.join(`, `)||`—`})]}),(0,v.jsxs)(`div`,{children:[(0,v.jsx)(`dt`,{children:`Status since`}),(0,v.jsx)(`dd`,{children:(0,v.jsx)(r,{value:P.statusChangedAt})})]}),(0,v.jsxs)(`div`,{children:[(0,v.jsx)(`dt`,{children:`Added`}),(0,v.jsx)(`dd`,{children:(0,v.jsx)(r,{value:P.createdAt})})]}),P.lastError&&(0,v.jsxs)(`div`,{children:[(0,v.jsx)(`dt`,{children:`Last error`}),(0,v.jsx)(`dd`,{className:`error`,children:P.lastError})]})]}),(0,v.jsxs)(`div`,{className:`buttons`,style:{marginTop:`0.8rem`},children:[P.status===`AVAILABLE`&&(0,v.jsx)(`button`,{type:`button`,onClick:()=>{M(null),O(D===`maintenance`?null:`maintenance`)},"aria-expanded":D===`maintenance`,children:`Put into maintenance`}),P.status===`MAINTENANCE`&&(0,v.jsx)(`button`,{type:`button`,className:`primary`,disabled:p,onClick:()=>f({variables:{id:P.id},onCompleted:F(`Released: the item is available.`),onError:I}),children:p?`Releasing…`:`Release from maintenance`}),(P.status===`AVAILABLE`||P.status===`MAINTENANCE`)&&(0,v.jsx)(`button`,{type:`button`,className:`danger-outline`,onClick:()=>O(`archive`),children:`Archive`})]}),D===`maintenance`&&(0,v.jsxs)(`form`,{className:`form inline`,onSubmit:L,noValidate:!0,children:[(0,v.jsx)(`label`,{htmlFor:`${N}-reason`,children:`Reason`}),(0,v.jsx)(`input`,{id:`${N}-reason`,value:C,onChange:e=>w(e.target.value),size:30,"aria-invalid":T?!0:void 0,"aria-describedby":`${N}-reason-msg`,autoFocus:!0}),(0,v.jsx)(`button`,{type:`submit`,className:`primary`,disabled:d,children:d?`Saving…`:`Put into maintenance`}),(0,v.jsx)(`span`,{id:`${N}-reason-msg`,className:T?`field-error`:`help`,children:T??`Kept in the item’s history.`})]}),(0,v.jsx)(o,{error:k}),j&&(0,v.jsx)(`p`,{className:`ok`,role:`status`,children:j}),(0,v.jsx)(l,{open:D===`archive`,title:`Archive ${P.name}?`,confirmLabel:`Archive`,danger:!0,busy:h,onCancel:()=>O(null),onConfirm:()=>m({variables:{id:P.id},onCompleted:F(`Archived: decommissioned and kept for history.`),onError:I}),children:(0,v.jsx)(`p`,{children:`It is decommissioned: it can no longer be leased, and stays in the history.`})})]}),(0,v.jsxs)(`div`,{className:`panel`,children:[(0,v.jsx)(`h2`,{children:`Current lease`}),P.currentLease?(0,v.jsxs)(`dl`,{className:`kv`,children:[(0,v.jsxs)(`div`,{children:[(0,v.jsx)(`dt`,{children:`Lease`}),(0,v.jsxs)(`dd`,{children:[(0,v.jsx)(i,{to:`/leases/${P.currentLease.id}`,children:P.currentLease.id}),` `,(0,v.jsx)(s,{value:P.currentLease.status})]})]}),(0,v.jsxs)(`div`,{children:[(0,v.jsx)(`dt`,{children:`Held by`}),(0,v.jsx)(`dd`,{children:P.currentLease.owner.name})]}),(0,v.jsxs)(`div`,{children:[(0,v.jsx)(`dt`,{children:`Ends`}),(0,v.jsxs)(`dd`,{children:[(0,v.jsx)(r,{value:P.currentLease.endsAt}),` · `,(0,v.jsx)(u,{until:P.currentLease.endsAt})]})]})]}):(0,v.jsx)(c,{children:`Not leased.`})]})]}),(0,v.jsxs)(`div`,{className:`panel`,style:{marginTop:`1rem`},children:[(0,v.jsx)(`h2`,{children:`History`}),R.length===0?(0,v.jsx)(c,{children:`No events.`}):(0,v.jsx)(`ol`,{className:`timeline`,children:R.map(e=>(0,v.jsxs)(`li`,{children:[(0,v.jsx)(r,{value:e.at}),` `,(0,v.jsx)(`strong`,{children:e.kind}),(e.from||e.to)&&(0,v.jsxs)(`span`,{className:`muted`,children:[` `,e.from??`—`,` → `,e.to??`—`]}),e.actor&&(0,v.jsxs)(`span`,{className:`muted`,children:[` · `,e.actor]}),e.message&&(0,v.jsx)(`div`,{className:`msg`,children:e.message})]},e.id))})]})]})}export{C as default};