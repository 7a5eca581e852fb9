import{i as e,n as t,t as n}from"./jsx-runtime-D86ktWoZ.js";import{a as r,b as i,d as a,g as o,l as s,m as c,t as l}from"./index-VAyfI4CW.js";var u=(function(){var e={alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},t={alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null},n={alias:null,args:null,kind:`ScalarField`,name:`role`,storageKey:null},r={alias:null,args:null,kind:`ScalarField`,name:`code`,storageKey:null},i={alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[r],storageKey:null},a=[{kind:`Literal`,name:`first`,value:200},{kind:`Literal`,name:`orderBy`,value:{direction:`ASC`,field:`CREATED_AT`}},{kind:`Literal`,name:`where`,value:{awaitingApproval:!0,status:`PENDING`}}],o={alias:null,args:null,kind:`ScalarField`,name:`totalCount`,storageKey:null},s={alias:null,args:null,kind:`ScalarField`,name:`createdAt`,storageKey:null},c={alias:null,args:null,kind:`ScalarField`,name:`duration`,storageKey:null},l={alias:null,args:null,kind:`ScalarField`,name:`note`,storageKey:null},u={alias:null,args:null,concreteType:`RequestedLine`,kind:`LinkedField`,name:`requested`,plural:!0,selections:[{alias:null,args:null,kind:`ScalarField`,name:`sku`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`quantity`,storageKey:null}],storageKey:null},d={alias:null,args:null,kind:`ScalarField`,name:`email`,storageKey:null},f={alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[r,e],storageKey:null};return{fragment:{argumentDefinitions:[],kind:`Fragment`,metadata:null,name:`ApprovalsQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[e,t,n,i],storageKey:null},{alias:`pending`,args:a,concreteType:`LeaseConnection`,kind:`LinkedField`,name:`leases`,plural:!1,selections:[o,{alias:null,args:null,concreteType:`LeaseEdge`,kind:`LinkedField`,name:`edges`,plural:!0,selections:[{alias:null,args:null,concreteType:`Lease`,kind:`LinkedField`,name:`node`,plural:!1,selections:[e,s,c,l,u,{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`owner`,plural:!1,selections:[e,t,d,i],storageKey:null}],storageKey:null}],storageKey:null}],storageKey:`leases(first:200,orderBy:{"direction":"ASC","field":"CREATED_AT"},where:{"awaitingApproval":true,"status":"PENDING"})`}],type:`Query`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:[],kind:`Operation`,name:`ApprovalsQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[e,t,n,f],storageKey:null},{alias:`pending`,args:a,concreteType:`LeaseConnection`,kind:`LinkedField`,name:`leases`,plural:!1,selections:[o,{alias:null,args:null,concreteType:`LeaseEdge`,kind:`LinkedField`,name:`edges`,plural:!0,selections:[{alias:null,args:null,concreteType:`Lease`,kind:`LinkedField`,name:`node`,plural:!1,selections:[e,s,c,l,u,{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`owner`,plural:!1,selections:[e,t,d,f],storageKey:null}],storageKey:null}],storageKey:null}],storageKey:`leases(first:200,orderBy:{"direction":"ASC","field":"CREATED_AT"},where:{"awaitingApproval":true,"status":"PENDING"})`}]},params:{cacheID:`bea133fb8d650915c17c6952350af3ce`,id:null,metadata:{},name:`ApprovalsQuery`,operationKind:`query`,text:`query ApprovalsQuery {
  viewer {
    id
    name
    role
    costCenter {
      code
      id
    }
  }
  pending: leases(first: 200, where: {status: PENDING, awaitingApproval: true}, orderBy: {field: CREATED_AT, direction: ASC}) {
    totalCount
    edges {
      node {
        id
        createdAt
        duration
        note
        requested {
          sku
          quantity
        }
        owner {
          id
          name
          email
          costCenter {
            code
            id
          }
        }
      }
    }
  }
}
`}}})();u.hash=`5fbe42f935ec1bed06436e981fbf8bc0`;var d=(function(){var e=[{alias:null,args:null,concreteType:`LeaseEvent`,kind:`LinkedField`,name:`leaseEvents`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`kind`,storageKey:null},{alias:null,args:null,concreteType:`Lease`,kind:`LinkedField`,name:`lease`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`status`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`awaitingApproval`,storageKey:null}],storageKey:null}],storageKey:null}];return{fragment:{argumentDefinitions:[],kind:`Fragment`,metadata:null,name:`ApprovalsSubscription`,selections:e,type:`Subscription`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:[],kind:`Operation`,name:`ApprovalsSubscription`,selections:e},params:{cacheID:`caca871ca1b5cfab625fbcf264602a4c`,id:null,metadata:{},name:`ApprovalsSubscription`,operationKind:`subscription`,text:`subscription ApprovalsSubscription {
  leaseEvents {
    kind
    lease {
      id
      status
      awaitingApproval
    }
  }
}
`}}})();d.hash=`784f4eb9ea053f829b5fc83356bf77a6`;var f=e(),p=t(),m=n(),h=u,g=d;function _(){let e=(0,p.useLazyLoadQuery)(h,{},{fetchPolicy:`store-and-network`});o(e.viewer);let t=(0,p.useRelayEnvironment)(),[n,u]=(0,f.useState)({}),d=(0,f.useCallback)(()=>(0,p.fetchQuery)(t,h,{},{fetchPolicy:`network-only`}).subscribe({}),[t]),_=(0,f.useMemo)(()=>({subscription:g,variables:{},onNext:e=>e?.leaseEvents.lease.awaitingApproval&&d()}),[d]);(0,p.useSubscription)(_);let v=(e.pending.edges??[]).flatMap(e=>e?.node?[e.node]:[]),y=v.filter(e=>!n[e.id]);return(0,m.jsxs)(`section`,{children:[(0,m.jsxs)(`div`,{className:`page-head`,children:[(0,m.jsx)(`h1`,{children:`Approvals`}),(0,m.jsxs)(`p`,{className:`muted`,children:[y.length,` awaiting a decision · live`]})]}),(0,m.jsx)(`h2`,{children:`Leases awaiting approval`}),v.length===0?(0,m.jsx)(c,{children:`Nothing is waiting for you.`}):(0,m.jsx)(`ul`,{className:`leases`,"aria-label":`Leases awaiting approval`,children:v.map(e=>(0,m.jsxs)(`li`,{className:`card`,"data-lease":e.id,children:[(0,m.jsxs)(`div`,{className:`card-head`,children:[(0,m.jsxs)(i,{to:`/leases/${e.id}`,className:`card-title`,children:[e.requested.map(e=>`${e.quantity} × ${e.sku}`).join(`, `),` for `,s(a(e.duration))]}),(0,m.jsxs)(`span`,{className:`muted`,children:[`asked `,(0,m.jsx)(r,{value:e.createdAt})]})]}),(0,m.jsxs)(`p`,{className:`meta`,children:[(0,m.jsxs)(`span`,{children:[`by `,(0,m.jsx)(`strong`,{children:e.owner.name}),e.owner.costCenter?` (${e.owner.costCenter.code})`:``]}),e.note&&(0,m.jsxs)(`span`,{children:[`“`,e.note,`”`]})]}),n[e.id]?(0,m.jsx)(`p`,{className:`ok`,role:`status`,children:n[e.id]}):(0,m.jsx)(l,{leaseId:e.id,onDecided:(t,n)=>{u(r=>({...r,[e.id]:t===`approved`?n?`Approved, but the dispenser refused: ${n}`:`Approved: it is being vended.`:`Rejected: ${n}`}))}})]},e.id))})]})}export{_ as default};